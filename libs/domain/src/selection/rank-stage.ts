import { combineStageAggregates, aggregateScores, DossierAggregate, ExpertTotal } from '../scoring';
import { finalRankingOf, reviewStageOf, reviewStagesOf, ReviewStageRule } from '../programmes/review-stages';
import type { RankingCandidate } from '../ranking';
import { refuse } from '../shared/refusal';
import type { StageCandidate } from './selection.commands';
import type { Selection } from './selection.state';

export interface RankedStage {
  readonly stageRule: ReviewStageRule;
  /** Candidates still in the race with their stage aggregate (0 for a no-show scored zero). */
  readonly ranked: readonly RankingCandidate[];
  readonly aggregates: readonly DossierAggregate[];
  readonly noShowWithdrawnIds: string[];
}

/**
 * The stage in progress, ranked from its candidates and their scores: the stage's rubric has given
 * the totals, its aggregation combines them and its valid-review minimum applies. A missed defence
 * counts as the call says: scored zero, withdrawn, or scored by the panel as any other dossier.
 */
export function rankStage(selection: Selection, candidates: readonly StageCandidate[], scores: readonly ExpertTotal[]): RankedStage {
  requireDossiersFrom(candidates, selection.reviewDossierIds, 'is not in this review stage');
  const candidateIds = new Set(candidates.map((candidate) => candidate.dossierId));
  const stray = [...new Set(scores.filter((score) => !candidateIds.has(score.dossierId)).map((s) => s.dossierId))];
  if (stray.length > 0) {
    throw refuse('score-for-unknown-dossier', `scores were given for dossiers that are not candidates: ${stray.join(', ')}`, 'invalid');
  }
  const stageRule = reviewStageOf(selection.rules, selection.stage);
  const noShow = stageRule.defence?.noShow ?? 'panel-scores-anyway';
  const missed = (candidate: StageCandidate) => stageRule.defence !== null && candidate.defence === 'absent' && noShow !== 'panel-scores-anyway';
  const noShowWithdrawnIds = candidates.filter((candidate) => missed(candidate) && noShow === 'withdrawn').map((c) => c.dossierId);
  const scoredZero = new Set(candidates.filter((candidate) => missed(candidate) && noShow === 'score-zero').map((c) => c.dossierId));
  const rated = candidates.filter((candidate) => !missed(candidate));
  const ratedIds = new Set(rated.map((candidate) => candidate.dossierId));
  const counted = scores.filter((score) => ratedIds.has(score.dossierId));

  requireValidReviewMinimum(rated, counted, stageRule.minimumValidReviews);
  const byDossier = aggregateScores({ method: stageRule.aggregation, disagreementSpread: selection.rules.disagreementSpread, scores: counted });
  const ranked = candidates
    .filter((candidate) => ratedIds.has(candidate.dossierId) || scoredZero.has(candidate.dossierId))
    .map((candidate): RankingCandidate => {
      const aggregate = byDossier.get(candidate.dossierId); // every rated candidate has its minimum of scores, checked above
      return {
        dossierId: candidate.dossierId,
        tier: candidate.tier,
        aggregate: aggregate?.aggregate ?? 0,
        median: aggregate?.median ?? 0,
        minimum: aggregate?.minimum ?? 0,
        submittedAt: candidate.submittedAt,
      };
    });
  return { stageRule, ranked, aggregates: [...byDossier.values()], noShowWithdrawnIds };
}

/**
 * The figure the final ranking uses: the last stage's aggregate, or the call's weighted combination
 * of every stage's aggregate (the earlier ones as their stage put them forward). Median, lowest
 * total and submission stay the last stage's, so the ranking's tie-breaks apply as before.
 */
export function finalCandidatesOf(selection: Selection, lastStage: readonly RankingCandidate[]): RankingCandidate[] {
  const final = finalRankingOf(selection.rules);
  if (final.kind === 'last-stage') return [...lastStage];
  const stages = reviewStagesOf(selection.rules);
  const lastCode = stages[stages.length - 1].code;
  const earlier = new Map<string, Record<string, number>>();
  for (const result of selection.stageResults) {
    for (const dossier of result.forwarded) {
      earlier.set(dossier.dossierId, { ...(earlier.get(dossier.dossierId) ?? {}), [result.stageCode]: dossier.aggregate });
    }
  }
  return lastStage.map((candidate) => ({
    ...candidate,
    aggregate: combineStageAggregates(final.percentByStage, { ...earlier.get(candidate.dossierId), [lastCode]: candidate.aggregate }),
  }));
}

export function requireDossiersFrom(dossiers: readonly { readonly dossierId: string }[], allowed: readonly string[], why: string): void {
  const ids = dossiers.map((dossier) => dossier.dossierId);
  if (new Set(ids).size !== ids.length) throw refuse('invalid-dossier-list', 'a dossier is given more than once', 'invalid');
  const allowedIds = new Set(allowed);
  const foreign = ids.filter((id) => !allowedIds.has(id));
  if (foreign.length > 0) {
    throw refuse('invalid-dossier-list', `dossier(s) ${foreign.join(', ')} ${why}`, 'invalid', { dossierIds: foreign });
  }
}

/**
 * 有效评审意见不少于 N 份: every candidate needs the stage's minimum of valid scores (recused and
 * invalidated ones are not among `scores`). Refused with every dossier below it and what the admin
 * can do: a replacement round, or mark the dossier not evaluable with a reason (it is then no candidate).
 */
function requireValidReviewMinimum(
  candidates: readonly { readonly dossierId: string }[],
  scores: readonly { readonly dossierId: string }[],
  minimum: number,
): void {
  const valid = new Map<string, number>();
  for (const score of scores) valid.set(score.dossierId, (valid.get(score.dossierId) ?? 0) + 1);
  const below = candidates
    .map((candidate) => ({ dossierId: candidate.dossierId, validReviews: valid.get(candidate.dossierId) ?? 0 }))
    .filter((dossier) => dossier.validReviews < minimum);
  if (below.length === 0) return;
  const list = below.map((dossier) => `${dossier.dossierId}(有效 ${dossier.validReviews} 份)`).join('、');
  throw refuse(
    'valid-reviews-below-minimum',
    `以下 ${below.length} 项申报的有效评审意见少于 ${minimum} 份,不能结束专家评审:${list}。请补充分配专家并等待评分,或将其标记为无法评审并说明理由。`,
    'conflict',
    { minimum, dossiers: below },
  );
}
