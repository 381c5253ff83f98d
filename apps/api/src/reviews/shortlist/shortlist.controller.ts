import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { SelectionPhase } from '@app/domain/selection/selection.phase';
import { refuse } from '@app/domain/shared/refusal';
import { Public } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { withEtag } from '../../http/command-response';
import { ReviewOutcomeReadModel, SelectionReadModel, scoreboardRowsOf, shortlistRowsOf } from '@app/read-models';
import { ApiHistoryCut, historyCutOf } from '../../http/history-cut';
import { StreamDirectory } from '../../workflow/stream-directory';
import type { ShortlistRow } from '@app/read-models';
import { ShortlistEntryResponse, ShortlistResponse } from './shortlist.response.dto';

const REVIEW_CLOSED: readonly SelectionPhase[] = ['review-closed', 'notice', 'awards-decided', 'published'];
const ON_NOTICE: readonly SelectionPhase[] = ['notice', 'awards-decided', 'published'];

@ApiTags('专家评审 reviews')
@Controller('api/v1/selections/:selectionId/shortlist')
export class ShortlistController {
  constructor(
    private readonly selections: SelectionReadModel,
    private readonly outcomes: ReviewOutcomeReadModel,
    private readonly directory: StreamDirectory,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'The frozen shortlist per tier with reserves: administrators once review closes; anyone once the public notice has started (aggregates only)',
  })
  @ApiOkResponse({ type: ShortlistResponse })
  @ApiHistoryCut()
  @ApiErrors(400, 404, 409)
  async shortlist(
    @Param('selectionId') selectionId: string,
    @Context() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
    @Query('asOf') asOf?: string,
    @Query('position') position?: string,
  ): Promise<ShortlistResponse> {
    const admin = context.metadata.actor.role === 'admin';
    const cut = historyCutOf(asOf, position);
    // As of a moment: folded from the streams' prefixes (what was public then is what is shown); otherwise the read model.
    const { selection, revision } = cut
      ? await this.directory.selectionAt(selectionId, cut).then(({ value, revision }) => ({ selection: value, revision }))
      : await this.selections.require(selectionId);
    const dossiersThen = cut ? await this.directory.dossiersOfAt(selectionId, cut) : null;
    if (!admin && !ON_NOTICE.includes(selection.phase)) {
      // Before the notice the list is not public: to others it does not exist yet.
      throw refuse('shortlist-not-found', `the shortlist of ${selectionId} is not published`, 'not-found');
    }
    if (!REVIEW_CLOSED.includes(selection.phase) || !selection.shortlist) {
      throw refuse('review-not-closed', `expert review of ${selectionId} has not closed; there is no shortlist yet`, 'conflict', { phase: selection.phase });
    }
    const entries = dossiersThen ? shortlistRowsOf(selection, dossiersThen) : await this.outcomes.shortlist(selectionId);
    const board = dossiersThen ? scoreboardRowsOf(selection, dossiersThen) : await this.outcomes.scoreboard(selectionId);
    const disagreement = new Map(board.map((line) => [line.dossierId, line.disagreement]));
    const entryOf = (entry: ShortlistRow): ShortlistEntryResponse => ({
      dossierId: entry.dossierId,
      title: entry.title,
      rank: entry.rank as number,
      aggregate: entry.aggregate as number,
      ...(admin ? { median: entry.median as number, minimum: entry.minimum as number, disagreement: disagreement.get(entry.dossierId) ?? false } : {}),
    });
    const ofTier = (tier: string, standing: ShortlistRow['standing']) => entries.filter((entry) => entry.tier === tier && entry.standing === standing).map(entryOf);
    const tierNames = new Map(selection.rules.tiers.map((tier) => [tier.code, tier.name]));
    return withEtag(response, revision, {
      selectionId,
      phase: selection.phase,
      tiers: selection.shortlist.tiers.map((tier) => ({
        tier: tier.tier,
        name: tierNames.get(tier.tier) ?? tier.tier,
        quota: tier.quota,
        selected: ofTier(tier.tier, 'selected'),
        reserves: ofTier(tier.tier, 'reserve'),
      })),
      ...(admin ? { belowThreshold: entries.filter((entry) => entry.standing === 'below-threshold').map((entry) => entry.dossierId) } : {}),
    });
  }
}
