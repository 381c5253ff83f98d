import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { refuse } from '@app/domain/shared/refusal';
import { Roles } from '../../auth/access.decorators';
import { ApiErrors } from '../../http/api-errors.decorator';
import { StreamDirectory } from '../../workflow/stream-directory';
import { ReviewReads } from '../review-reads';
import { ScoreboardResponse } from './shortlist.response.dto';

@ApiTags('专家评审 reviews')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId/scoreboard')
export class ScoreboardController {
  constructor(
    private readonly directory: StreamDirectory,
    private readonly reads: ReviewReads,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'After review closes: per dossier the aggregate and its statistics with disagreement flags, and per-expert totals' })
  @ApiOkResponse({ type: ScoreboardResponse })
  @ApiErrors(401, 403, 404, 409)
  async scoreboard(@Param('selectionId') selectionId: string): Promise<ScoreboardResponse> {
    const { value: selection } = await this.directory.selection(selectionId);
    if (!selection.shortlist) {
      throw refuse('review-not-closed', `expert review of ${selectionId} has not closed; scores stay sealed until then`, 'conflict', { phase: selection.phase });
    }
    const dossiers = new Map((await this.reads.reviewedDossiersOf(selection)).map((dossier) => [dossier.dossierId, dossier]));
    const names = new Map((await this.reads.experts()).map((expert) => [expert.expertId, expert.name]));
    const nameOf = (expertId: string) => names.get(expertId) ?? expertId;
    const byExpert = new Map<string, number[]>();
    const lines = selection.aggregates.map((aggregate) => {
      const dossier = dossiers.get(aggregate.dossierId);
      const totals = (dossier?.scores ?? []).map((score) => ({ expertId: score.expertId, name: nameOf(score.expertId), total: score.total }));
      for (const line of totals) byExpert.set(line.expertId, [...(byExpert.get(line.expertId) ?? []), line.total]);
      return {
        dossierId: aggregate.dossierId,
        title: dossier?.title ?? '',
        tier: dossier?.tier ?? '',
        count: aggregate.count,
        aggregate: aggregate.aggregate,
        mean: aggregate.mean,
        median: aggregate.median,
        min: aggregate.minimum,
        max: aggregate.maximum,
        spread: aggregate.spread,
        disagreement: aggregate.disagreement,
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
