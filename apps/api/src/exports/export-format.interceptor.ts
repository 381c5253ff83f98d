import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, StreamableFile, UnauthorizedException, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiProduces, ApiQuery } from '@nestjs/swagger';
import type { Request } from 'express';
import { PassThrough } from 'node:stream';
import { Observable, of } from 'rxjs';
import { refuse } from '@app/domain/shared/refusal';
import type { TokenClaims } from '../auth/actor';
import { contentDisposition } from '../dossiers/attachments/content-disposition';
import { ExportKind, SelectionExports } from './selection-exports';
import { writeCsv } from './write-csv';
import { writeXlsx } from './write-xlsx';
import { fundLineFilterOf } from './sources/fund-ledger.filter';

const EXPORT_KIND = 'exports:kind';
/** Formats another interceptor of the same read answers (the award list's pdf). */
const OTHER_FORMATS = 'exports:other-formats';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `?format=xlsx|csv` beside a JSON read: without `format` the controller answers as always; with it,
 * an admin gets the same table as a spreadsheet, streamed row by row. The controller is not touched
 * beyond this decorator.
 */
export const ExportableAs = (kind: ExportKind, options: { readonly otherFormats?: readonly string[] } = {}) =>
  applyDecorators(
    SetMetadata(EXPORT_KIND, kind),
    SetMetadata(OTHER_FORMATS, options.otherFormats ?? []),
    UseInterceptors(ExportFormatInterceptor),
    ApiQuery({
      name: 'format',
      required: false,
      enum: ['xlsx', 'csv', ...(options.otherFormats ?? [])],
      description: `omit for JSON; xlsx (Excel) or csv, admins only${options.otherFormats?.length ? `; ${options.otherFormats.join(', ')}: the printed document` : ''}`,
    }),
    ApiProduces('application/json', XLSX, 'text/csv', ...(options.otherFormats?.includes('pdf') ? ['application/pdf'] : [])),
  );

@Injectable()
export class ExportFormatInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly exports: SelectionExports,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    const format = request.query.format;
    if (format === undefined || (this.reflector.get<string[]>(OTHER_FORMATS, context.getHandler()) ?? []).includes(String(format))) return next.handle();
    if (format !== 'xlsx' && format !== 'csv') {
      throw refuse('invalid-format', 'format 只能是 xlsx(Excel)或 csv;要 JSON 请去掉 format 参数。', 'invalid', { field: 'format', allowed: ['xlsx', 'csv'] });
    }
    const claims = request.user as TokenClaims | undefined;
    if (!claims) throw new UnauthorizedException('下载表格需先以管理员身份登录(Authorization: Bearer <token>,或门户的登录会话)。');
    if (claims.role !== 'admin') throw refuse('admin-only', '表格导出仅供管理员使用;请使用管理员账户登录后再下载。', 'forbidden');
    const kind = this.reflector.get<ExportKind>(EXPORT_KIND, context.getHandler());
    const table = kind === 'fund-ledger' ? this.exports.fundLedger(fundLineFilterOf(request.query)) : await this.exports.table(kind, String(request.params.selectionId));
    const stream = new PassThrough();
    (format === 'xlsx' ? writeXlsx(table, stream) : writeCsv(table, stream)).catch((error: unknown) => stream.destroy(error as Error));
    return of(
      new StreamableFile(stream, {
        type: format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8',
        disposition: contentDisposition(`${table.fileStem}.${format}`),
      }),
    );
  }
}
