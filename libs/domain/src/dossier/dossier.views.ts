import type { ExpertTotal } from '../scoring';
import type { Dossier, DossierState } from './dossier.state';

/** What CloseReview needs of one dossier: its ranking facts and the scores that count. */
export interface DossierReviewInput {
  readonly candidate: { readonly dossierId: string; readonly tier: string; readonly submittedAt: string };
  readonly scores: readonly ExpertTotal[];
}

/** Null unless the dossier is in the race (passed formal review, not withdrawn or rejected, not marked not evaluable). */
export function reviewInputOf(state: DossierState): DossierReviewInput | null {
  if (state.status !== 'passed' || state.notEvaluable) return null;
  const dossier: Dossier = state;
  return {
    candidate: {
      dossierId: dossier.dossierId,
      tier: dossier.tier,
      submittedAt: dossier.firstSubmittedAt as string,
    },
    scores: dossier.scores.map((score) => ({ dossierId: dossier.dossierId, expertId: score.expertId, total: score.total })),
  };
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
