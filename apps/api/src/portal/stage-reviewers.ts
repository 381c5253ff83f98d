import { scoresInStage, stageReviewOf } from '@app/domain/dossier';
import type { Dossier, ExpertScore } from '@app/domain/dossier';
import { reviewStageOf } from '@app/domain/programmes';
import type { Selection } from '@app/domain/selection';

export interface StageReviewer {
  readonly expertId: string;
  readonly recused: boolean;
  readonly recusalReason: string | null;
  /** His score that counts in this stage, if any. */
  readonly score: ExpertScore | undefined;
}

export interface StageReviewers {
  readonly stage: number;
  readonly stageName: string;
  readonly minimum: number;
  readonly reviewers: readonly StageReviewer[];
}

/**
 * Who reviews the dossier in the selection's running stage, and what counts there: the assigned
 * experts and online scores in stage 1, the panel seat and its scores in a panel stage (an admin acts
 * on the scores the domain decides on, never on a frozen stage's).
 */
export function stageReviewersOf(selection: Selection, dossier: Dossier, stage = selection.stage ?? 1): StageReviewers {
  const rule = reviewStageOf(selection.rules, stage);
  const scores = scoresInStage(dossier, stage);
  const scoreOf = (expertId: string) => scores.find((score) => score.expertId === expertId);
  if (stage === 1) {
    return {
      stage,
      stageName: rule.name,
      minimum: rule.minimumValidReviews,
      reviewers: dossier.assignments.map((assignment) => ({
        expertId: assignment.expertId,
        recused: assignment.status === 'recused',
        recusalReason: assignment.recusalReason,
        score: scoreOf(assignment.expertId),
      })),
    };
  }
  const seat = stageReviewOf(dossier, stage);
  const seated = (seat?.expertIds ?? []).map((expertId) => ({ expertId, recused: false, recusalReason: null, score: scoreOf(expertId) }));
  const recused = (seat?.recused ?? []).map(({ expertId, reason }) => ({ expertId, recused: true, recusalReason: reason, score: undefined }));
  return { stage, stageName: rule.name, minimum: rule.minimumValidReviews, reviewers: [...seated, ...recused] };
}

/**
 * The reviewers the dossier page shows: the running stage's when the dossier takes part in it, else
 * (a dossier not put forward) the last stage it was reviewed in, 1.
 */
export function shownReviewersOf(selection: Selection, dossier: Dossier): StageReviewers {
  const running = selection.stage ?? 1;
  return running === 1 || stageReviewOf(dossier, running) !== null ? stageReviewersOf(selection, dossier, running) : stageReviewersOf(selection, dossier, 1);
}
