import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../../auth/access.decorators';
import { ApiErrors } from '../../http/api-errors.decorator';
import { withEtag } from '../../http/command-response';
import { ApiHistoryCut, historyCutOf } from '../../http/history-cut';
import { StreamDirectory } from '../../workflow/stream-directory';
import { SelectionDetailResponse, SelectionRow, SelectionSummaryResponse, selectionSummaryOf, selectionSummaryOfRow } from './selection.response.dto';

@ApiTags('评选 selections')
@Controller('api/v1/selections')
export class ReadSelectionsController {
  constructor(
    private readonly directory: StreamDirectory,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Every call with its phase (public)' })
  @ApiOkResponse({ type: [SelectionSummaryResponse] })
  async list(): Promise<SelectionSummaryResponse[]> {
    const rows: SelectionRow[] = await this.dataSource.query(
      `SELECT id, programme, year, batch, title, phase, phase_description, submission_deadline_date, notice FROM rm_selections`,
    );
    return rows
      .map(selectionSummaryOfRow)
      .sort((a, b) => b.year - a.year || a.programme.localeCompare(b.programme) || (a.batch ?? 0) - (b.batch ?? 0));
  }

  @Get(':selectionId')
  @Public()
  @ApiOperation({ summary: 'One call: phase, deadline, notice window and the rules it runs under (public)' })
  @ApiOkResponse({ type: SelectionDetailResponse })
  @ApiHistoryCut()
  @ApiErrors(400, 404)
  async get(
    @Param('selectionId') selectionId: string,
    @Res({ passthrough: true }) response: Response,
    @Query('asOf') asOf?: string,
    @Query('position') position?: string,
  ): Promise<SelectionDetailResponse> {
    const cut = historyCutOf(asOf, position);
    const { value, revision } = cut ? await this.directory.selectionAt(selectionId, cut) : await this.directory.selection(selectionId);
    return withEtag(response, revision, {
      ...selectionSummaryOf(value),
      rules: value.rules as unknown as Record<string, unknown>,
      submissionDeadline: value.submissionDeadline,
      revision: revision.toString(),
    });
  }
}
