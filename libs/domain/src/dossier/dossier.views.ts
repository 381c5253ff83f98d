import type { ExpertTotal } from '../scoring';
import { Dossier, DossierState, stageReviewOf } from './dossier.state';

/** What CloseReview (or CloseReviewStage) needs of one dossier: its ranking facts and the stage's scores that count. */
export interface DossierReviewInput {
  readonly candidate: {
    readonly dossierId: string;
    readonly tier: string;
    readonly submittedAt: string;
    /** Only in a panel stage with a defence: the attendance recorded (null: none yet). */
    readonly defence?: 'attended' | 'absent' | null;
  };
  readonly scores: readonly ExpertTotal[];
}

/** Null unless the dossier is in the race (passed formal review, not withdrawn or rejected, not marked not evaluable). */
export function reviewInputOf(state: DossierState): DossierReviewInput | null {
  return stageReviewInputOf(state, 1);
}

/**
 * The same for review stage `stage`: 1 is the online review; in a panel stage the scores are the
 * panel's and the caller gives only the dossiers that stage put forward (Selection.reviewDossierIds).
 */
export function stageReviewInputOf(state: DossierState, stage: number): DossierReviewInput | null {
  if (state.status !== 'passed' || state.notEvaluable) return null;
  const dossier: Dossier = state;
  const candidate = { dossierId: dossier.dossierId, tier: dossier.tier, submittedAt: dossier.firstSubmittedAt as string };
  const totals = (scores: Dossier['scores']) => scores.map((score) => ({ dossierId: dossier.dossierId, expertId: score.expertId, total: score.total }));
  if (stage === 1) return { candidate, scores: totals(dossier.scores) };
  const review = stageReviewOf(dossier, stage);
  return { candidate: { ...candidate, defence: review?.defence ? review.attendance : null }, scores: totals(review?.scores ?? []) };
}

/** What DecideAwards needs of a listed dossier to compute its amount and apply non-duplication. */
export interface DossierAwardInput {
  readonly dossierId: string;
  readonly applicantCreditCode: string;
  readonly projectCode: string | null;
  readonly title: string;
  readonly approvedInvestmentFen: number | null;
}

export function awardInputOf(dossier: Dossier): DossierAwardInput {
  const { dossierId, applicantCreditCode, projectCode, title, approvedInvestmentFen } = dossier;
  return { dossierId, applicantCreditCode, projectCode, title, approvedInvestmentFen };
}

/** Objections still waiting for a decision. */
export function openObjectionsOf(dossier: Dossier): { dossierId: string; objectionId: string }[] {
  return dossier.objections
    .filter((objection) => objection.status === 'open')
    .map((objection) => ({ dossierId: dossier.dossierId, objectionId: objection.objectionId }));
}
