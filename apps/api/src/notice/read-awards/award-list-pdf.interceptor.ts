import { CallHandler, ExecutionContext, Injectable, NestInterceptor, StreamableFile } from '@nestjs/common';
import { PdfPrinter } from '@app/documents';
import type { Request } from 'express';
import { Observable, of } from 'rxjs';
import { requestContextOf } from '../../auth/request-context';
import { contentDisposition } from '../../dossiers/attachments/content-disposition';
import { printHtmlDocument, requirePrinter } from '../../pdf/print-html';
import { StreamDirectory } from '../../workflow/stream-directory';
import { renderPublishedDocument } from '../annex/render-published-document';
import { NoticeReads } from '../shared/notice-reads';

/**
 * `GET …/awards?format=pdf`: the award list document (the annex's `document=award-list`) printed to
 * PDF, visible to whoever may read the award list. Without `format=pdf` the JSON read answers as always.
 */
@Injectable()
export class AwardListPdfInterceptor implements NestInterceptor {
  constructor(
    private readonly directory: StreamDirectory,
    private readonly reads: NoticeReads,
    private readonly printer: PdfPrinter,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.query.format !== 'pdf') return next.handle();
    const { value: selection } = await this.directory.selection(String(request.params.selectionId));
    requirePrinter(this.printer);
    const html = await renderPublishedDocument(this.reads, selection, { format: 'html', document: 'award-list', actor: requestContextOf(request).metadata.actor });
    const pdf = await printHtmlDocument(this.printer, html);
    return of(new StreamableFile(pdf.body as Buffer, { type: pdf.contentType, disposition: contentDisposition(pdf.fileName) }));
  }
}
