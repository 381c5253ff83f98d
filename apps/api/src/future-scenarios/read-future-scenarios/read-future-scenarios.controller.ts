import { Controller, Get, Param, ParseIntPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { PdfPrinter } from '@app/documents';
import type { DocumentFormat } from '@app/documents';
import { Public } from '../../auth/access.decorators';
import { ApiErrors } from '../../http/api-errors.decorator';
import { withEtag } from '../../http/command-response';
import { printHtmlDocument, requirePrinter } from '../../pdf/print-html';
import { renderFutureScenariosAnnex } from './future-scenarios-annex';
import { FutureScenariosAnnexQuery } from './future-scenarios-annex.query.dto';
import { FutureScenariosReads } from './future-scenarios-reads';
import { FutureScenariosResponse, futureScenariosResponseOf } from './future-scenarios.response.dto';

@ApiTags('附件3 future scenarios')
@Controller('api/v1/future-scenarios/:year')
export class ReadFutureScenariosController {
  constructor(
    private readonly reads: FutureScenariosReads,
    private readonly printer: PdfPrinter,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The newest published version of the year\'s 十大未来场景' })
  @ApiOkResponse({ type: FutureScenariosResponse })
  @ApiErrors(400, 404)
  async read(@Param('year', ParseIntPipe) year: number, @Res({ passthrough: true }) response: Response): Promise<FutureScenariosResponse> {
    const { value, revision } = await this.reads.published(year);
    return withEtag(response, revision, futureScenariosResponseOf(value));
  }

  @Get('annex')
  @Public()
  @ApiOperation({ summary: 'The list as 附件3, in TXT, HTML, DOCX or PDF' })
  @ApiProduces('text/plain', 'text/html', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf')
  @ApiOkResponse({ description: 'the file, with Content-Disposition naming it', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 404, 503)
  async annex(
    @Param('year', ParseIntPipe) year: number,
    @Query() query: FutureScenariosAnnexQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { value } = await this.reads.published(year);
    const pdf = query.format === 'pdf';
    if (pdf) requirePrinter(this.printer);
    const document = await renderFutureScenariosAnnex(value, pdf ? 'html' : (query.format as DocumentFormat | undefined) ?? 'txt');
    const rendered = pdf ? await printHtmlDocument(this.printer, document) : document;
    response.setHeader('Content-Type', rendered.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${rendered.fileName}"`);
    return new StreamableFile(typeof rendered.body === 'string' ? Buffer.from(rendered.body, 'utf8') : rendered.body);
  }
}
