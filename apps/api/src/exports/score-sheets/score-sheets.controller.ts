import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import JSZip from 'jszip';
import { PdfPrinter, renderScoreSheet } from '@app/documents';
import type { RenderedDocument, ScoreSheet } from '@app/documents';
import { SelectionReadModel } from '@app/read-models';
import { Roles } from '../../auth/access.decorators';
import { contentDisposition } from '../../dossiers/attachments/content-disposition';
import { ApiErrors } from '../../http/api-errors.decorator';
import { printHtmlDocument, requirePrinter } from '../../pdf/print-html';
import { ScoreSheetQuery } from './score-sheet.query.dto';
import { ScoreSheetSource } from './score-sheet-source';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 专家评分表: per expert and selection, the paper filed with the result, signed by the expert. */
@ApiTags('专家评审 reviews')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId/score-sheets')
@Roles('admin')
export class ScoreSheetsController {
  constructor(
    private readonly selections: SelectionReadModel,
    private readonly sheets: ScoreSheetSource,
    private readonly printer: PdfPrinter,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every expert\'s score sheet (专家评分表) of the selection as one ZIP, in DOCX or PDF (after review closes)' })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'a ZIP with one file per expert', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 401, 403, 404, 409, 503)
  async all(@Param('selectionId') selectionId: string, @Query() query: ScoreSheetQuery): Promise<StreamableFile> {
    const { selection } = await this.selections.require(selectionId);
    const format = query.format ?? 'docx';
    if (format === 'pdf') requirePrinter(this.printer);
    const zip = new JSZip();
    for (const { expertId, sheet } of await this.sheets.all(selection)) {
      const rendered = await this.render(sheet, format, expertId);
      zip.file(`专家评分表-${sheet.expertName}-${expertId}.${format}`, rendered.body);
    }
    const body = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    return new StreamableFile(body, { type: 'application/zip', disposition: contentDisposition(`专家评分表-${selectionId}.zip`) });
  }

  @Get(':expertId')
  @ApiOperation({ summary: 'One expert\'s score sheet (专家评分表): rubric, his points and comments, the declaration, a signature and date line' })
  @ApiProduces(DOCX, 'application/pdf', 'text/html')
  @ApiOkResponse({ description: 'the file', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 401, 403, 404, 409, 503)
  async one(@Param('selectionId') selectionId: string, @Param('expertId') expertId: string, @Query() query: ScoreSheetQuery): Promise<StreamableFile> {
    const { selection } = await this.selections.require(selectionId);
    const format = query.format ?? 'docx';
    if (format === 'pdf') requirePrinter(this.printer);
    const sheet = await this.sheets.one(selection, expertId);
    const rendered = await this.render(sheet, format, expertId);
    const body = typeof rendered.body === 'string' ? Buffer.from(rendered.body, 'utf8') : rendered.body;
    return new StreamableFile(body, { type: rendered.contentType, disposition: contentDisposition(`专家评分表-${sheet.expertName}-${expertId}.${format}`) });
  }

  private async render(sheet: ScoreSheet, format: 'docx' | 'pdf' | 'html', expertId: string): Promise<RenderedDocument> {
    if (format === 'docx') return renderScoreSheet(sheet, 'docx', expertId);
    const html = await renderScoreSheet(sheet, 'html', expertId);
    return format === 'pdf' ? printHtmlDocument(this.printer, html) : html;
  }
}
