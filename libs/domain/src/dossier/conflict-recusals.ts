import type { Dossier } from './dossier.state';
import { stageReviewOf } from './dossier.state';

/** Whether the expert reviews the dossier in `stage`: his online assignment in stage 1, his panel seat after. */
export function holdsReviewPlace(dossier: Dossier, stage: number, expertId: string): boolean {
  if (stage === 1) return dossier.assignments.some((assignment) => assignment.expertId === expertId && assignment.status === 'assigned');
  return stageReviewOf(dossier, stage)?.expertIds.includes(expertId) ?? false;
}

/**
 * The dossiers a conflict the expert declared with `creditCode` recuses him from in the running
 * stage: that applicant's dossiers still in review where he holds a place, assignment or panel seat.
 */
export function dossiersToRecuseForConflict(dossiers: readonly Dossier[], stage: number, expertId: string, creditCode: string): string[] {
  return dossiers
    .filter((dossier) => dossier.applicantCreditCode === creditCode && dossier.status === 'passed' && holdsReviewPlace(dossier, stage, expertId))
    .map((dossier) => dossier.dossierId);
}
