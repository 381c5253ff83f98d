import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { PdfPrinter } from '@app/documents';
import type { DocumentFormat } from '@app/documents';
import { Public } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { printHtmlDocument, requirePrinter } from '../../pdf/print-html';
import { StreamDirectory } from '../../workflow/stream-directory';
import { NoticeReads } from '../shared/notice-reads';
import { AnnexQuery } from './annex.query.dto';
import { renderPublishedDocument } from './render-published-document';

@ApiTags('附件 annex documents')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId/annex')
export class AnnexController {
  constructor(
    private readonly directory: StreamDirectory,
    private readonly reads: NoticeReads,
    private readonly printer: PdfPrinter,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The published list as an annex document (附件1/2/4) or award list, in TXT, HTML, DOCX or PDF (public once published)' })
  @ApiProduces('text/plain', 'text/html', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf')
  @ApiOkResponse({ description: 'the file, with Content-Disposition naming it', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 401, 404, 503)
  async download(
    @Param('selectionId') selectionId: string,
    @Query() query: AnnexQuery,
    @Context() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { value: selection } = await this.directory.selection(selectionId);
    const pdf = query.format === 'pdf';
    if (pdf) requirePrinter(this.printer);
    const html = await renderPublishedDocument(this.reads, selection, {
      format: pdf ? 'html' : (query.format as DocumentFormat | undefined) ?? 'txt',
      document: query.document,
      actor: context.metadata.actor,
    });
    const rendered = pdf ? await printHtmlDocument(this.printer, html) : html;
    response.setHeader('Content-Type', rendered.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${rendered.fileName}"`);
    return new StreamableFile(typeof rendered.body === 'string' ? Buffer.from(rendered.body, 'utf8') : rendered.body);
  }
}
