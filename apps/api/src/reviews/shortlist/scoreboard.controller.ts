import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { refuse } from '@app/domain/shared/refusal';
import { Roles } from '../../auth/access.decorators';
import { ApiErrors } from '../../http/api-errors.decorator';
import { ExpertReadModel, ReviewOutcomeReadModel, SelectionReadModel, scoreboardRowsOf } from '@app/read-models';
import { ApiHistoryCut, historyCutOf } from '../../http/history-cut';
import { StreamDirectory } from '../../workflow/stream-directory';
import { ScoreboardResponse } from './shortlist.response.dto';
import { ExportableAs } from '../../exports/export-format.interceptor';

@ApiTags('专家评审 reviews')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId/scoreboard')
export class ScoreboardController {
  constructor(
    private readonly selections: SelectionReadModel,
    private readonly outcomes: ReviewOutcomeReadModel,
    private readonly experts: ExpertReadModel,
    private readonly directory: StreamDirectory,
  ) {}

  @Get()
  @ExportableAs('scoreboard')
  @Roles('admin')
  @ApiOperation({ summary: 'After review closes: per dossier the aggregate and its statistics with disagreement flags, and per-expert totals' })
  @ApiOkResponse({ type: ScoreboardResponse })
  @ApiHistoryCut()
  @ApiErrors(400, 401, 403, 404, 409)
  async scoreboard(
    @Param('selectionId') selectionId: string,
    @Query('asOf') asOf?: string,
    @Query('position') position?: string,
  ): Promise<ScoreboardResponse> {
    const cut = historyCutOf(asOf, position);
    // As of a moment: folded from the streams' prefixes; otherwise today's read model.
    const selection = cut ? (await this.directory.selectionAt(selectionId, cut)).value : (await this.selections.require(selectionId)).selection;
    if (!selection.shortlist) {
      throw refuse('review-not-closed', `expert review of ${selectionId} has not closed; scores stay sealed until then`, 'conflict', { phase: selection.phase });
    }
    const names = await this.experts.names();
    const nameOf = (expertId: string) => names.get(expertId) ?? expertId;
    const byExpert = new Map<string, number[]>();
    const rows = cut ? scoreboardRowsOf(selection, await this.directory.dossiersOfAt(selectionId, cut)) : await this.outcomes.scoreboard(selectionId);
    const lines = rows.map((line) => {
      const totals = line.totals.map((score) => ({ expertId: score.expertId, name: nameOf(score.expertId), total: score.total }));
      for (const score of totals) byExpert.set(score.expertId, [...(byExpert.get(score.expertId) ?? []), score.total]);
      return {
        dossierId: line.dossierId,
        title: line.title,
        tier: line.tier,
        count: line.count,
        aggregate: line.aggregate,
        mean: line.mean,
        median: line.median,
        min: line.minimum,
        max: line.maximum,
        spread: line.spread,
        disagreement: line.disagreement,
        totals,
      };
    });
    return {
      selectionId,
      aggregation: selection.rules.aggregation,
      dossiers: lines,
      experts: [...byExpert.entries()]
        .map(([expertId, totals]) => ({
          expertId,
          name: nameOf(expertId),
          scored: totals.length,
          meanTotal: Math.round((totals.reduce((sum, total) => sum + total, 0) / totals.length) * 100) / 100,
        }))
        .sort((a, b) => a.expertId.localeCompare(b.expertId)),
    };
  }
}
