import type { Dossier } from '../dossier/dossier.state';
import { scoresInStage, stageReviewOf } from '../dossier/dossier.state';
import { finalRankingOf, reviewStagesOf, ReviewStageKind } from '../programmes/review-stages';
import { aggregateScores, combineStageAggregates, DossierAggregate } from '../scoring';
import type { Selection } from './selection.state';

export interface StageBoardRow {
  readonly dossierId: string;
  readonly tier: string;
  /** Valid scores so far in this stage. */
  readonly count: number;
  /** Null until the dossier has a score in this stage. */
  readonly aggregate: DossierAggregate | null;
  /** Whether the stage put it forward; null while the stage is open, or on the last stage. */
  readonly forwarded: boolean | null;
  /** Panel stages with a defence: attendance as recorded (null: not yet). */
  readonly defence: 'attended' | 'absent' | null;
}

export interface StageBoard {
  readonly stage: number;
  readonly code: string;
  readonly name: string;
  readonly kind: ReviewStageKind;
  readonly status: 'not-started' | 'in-progress' | 'closed';
  readonly minimumValidReviews: number;
  /** Best aggregate first; dossiers without a score last, by id. */
  readonly rows: readonly StageBoardRow[];
}

export interface CombinedRow {
  readonly dossierId: string;
  readonly tier: string;
  /** The aggregate of each stage by its code (null: none yet). */
  readonly byStage: Readonly<Record<string, number | null>>;
  /** The figure the final ranking uses: the last stage's aggregate or the call's weighted combination. */
  readonly final: number | null;
}

/**
 * The scoreboard of each review stage (progress while it runs, the result once closed) and the
 * combined one of the dossiers that reached the last stage, computed from the selection and its
 * dossiers as the deciders would (each stage's aggregation; the call's weights). For admins only.
 */
export function stageBoardsOf(selection: Selection, dossiers: readonly Dossier[]): { stages: StageBoard[]; combined: CombinedRow[] } {
  const stages = reviewStagesOf(selection.rules);
  const boards = stages.map((rule, index): StageBoard => {
    const stage = index + 1;
    const inStage = dossiers
      .map((dossier) => ({ dossier, scores: scoresInStage(dossier, stage), review: stage > 1 ? stageReviewOf(dossier, stage) : null }))
      .filter(({ dossier, review }) => (stage === 1 ? dossier.assignments.length > 0 : review !== null));
    const aggregates = aggregateScores({
      method: rule.aggregation,
      disagreementSpread: selection.rules.disagreementSpread,
      scores: inStage.flatMap(({ dossier, scores }) => scores.map((score) => ({ dossierId: dossier.dossierId, expertId: score.expertId, total: score.total }))),
    });
    const result = selection.stageResults.find((closed) => closed.stage === stage);
    const forwardedIds = result ? new Set(result.forwarded.map((dossier) => dossier.dossierId)) : null;
    const rows = inStage
      .map(({ dossier, scores, review }): StageBoardRow => ({
        dossierId: dossier.dossierId,
        tier: dossier.tier,
        count: scores.length,
        aggregate: aggregates.get(dossier.dossierId) ?? null,
        forwarded: forwardedIds ? forwardedIds.has(dossier.dossierId) : null,
        defence: review?.defence ? review.attendance : null,
      }))
      .sort(byAggregate);
    return { stage, code: rule.code, name: rule.name, kind: rule.kind, status: statusOf(selection, stage), minimumValidReviews: rule.minimumValidReviews, rows };
  });
  return { stages: boards, combined: combinedOf(selection, boards) };
}

function statusOf(selection: Selection, stage: number): StageBoard['status'] {
  if (stage < selection.stage) return 'closed';
  if (stage > selection.stage) return 'not-started';
  if (selection.phase === 'expert-review') return 'in-progress';
  return selection.shortlist ? 'closed' : 'not-started';
}

function combinedOf(selection: Selection, boards: readonly StageBoard[]): CombinedRow[] {
  const last = boards[boards.length - 1];
  const final = finalRankingOf(selection.rules);
  const byDossier = new Map<string, Record<string, number | null>>();
  const stages = reviewStagesOf(selection.rules);
  for (const [index, board] of boards.entries()) {
    // A missed defence scored zero counts as 0 without panel scores, as the decider ranks it.
    const zeroForNoShow = stages[index].defence?.noShow === 'score-zero';
    for (const row of board.rows) {
      const figure = zeroForNoShow && row.defence === 'absent' ? 0 : (row.aggregate?.aggregate ?? null);
      byDossier.set(row.dossierId, { ...(byDossier.get(row.dossierId) ?? {}), [board.code]: figure });
    }
  }
  // Earlier stages as they put the dossier forward (the figure the decider combines).
  for (const result of selection.stageResults) {
    for (const dossier of result.forwarded) byDossier.set(dossier.dossierId, { ...(byDossier.get(dossier.dossierId) ?? {}), [result.stageCode]: dossier.aggregate });
  }
  return last.rows
    .map((row): CombinedRow => {
      const byStage = Object.fromEntries(boards.map((board) => [board.code, byDossier.get(row.dossierId)?.[board.code] ?? null]));
      const lastAggregate = byStage[last.code];
      const weights = final.kind === 'weighted' ? final.percentByStage : null;
      const complete = weights ? Object.keys(weights).every((code) => byStage[code] !== null) : lastAggregate !== null;
      const figure = !complete ? null : weights ? combineStageAggregates(weights, byStage as Record<string, number>) : lastAggregate;
      return { dossierId: row.dossierId, tier: row.tier, byStage, final: figure };
    })
    .sort((a, b) => (b.final ?? -1) - (a.final ?? -1) || (a.dossierId < b.dossierId ? -1 : 1));
}

function byAggregate(a: StageBoardRow, b: StageBoardRow): number {
  return (b.aggregate?.aggregate ?? -1) - (a.aggregate?.aggregate ?? -1) || (a.dossierId < b.dossierId ? -1 : 1);
}
