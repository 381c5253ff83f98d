import type { Actor } from '@app/domain/shared/command-metadata';
import type { Dossier, DossierStatus } from '@app/domain/dossier';
import type { SelectionPhase } from '@app/domain/selection';
import { refuse } from '@app/domain/shared/refusal';

/**
 * The one rule for what anyone but an admin sees of a selection's outcome: the ranking once the public
 * notice starts (it is public then), the award decision — awarded or not, why, how much — only once the
 * selection publishes it. Every read that shows an outcome goes through outcomeAsSeenBy / statusAsSeenBy:
 * GET /dossiers/{id}, /me/dossiers, the organisation history, and the applicant's portal pages.
 */
export const RANKING_PUBLIC: readonly SelectionPhase[] = ['notice', 'awards-decided', 'published'];
export const AWARDS_PUBLIC: readonly SelectionPhase[] = ['published'];

const DECIDED: readonly string[] = ['awarded', 'not-awarded'];

/** The status this caller may see: before publication an award decision still reads as "passed". */
export function statusAsSeenBy(status: string, phase: SelectionPhase, actor: Actor): string {
  if (actor.role === 'admin' || AWARDS_PUBLIC.includes(phase) || !DECIDED.includes(status)) return status;
  return 'passed';
}

/** The dossier as this caller may see its outcome (see statusAsSeenBy): no award, no reason before publication. */
export function outcomeAsSeenBy(dossier: Dossier, phase: SelectionPhase, actor: Actor): Dossier {
  const status = statusAsSeenBy(dossier.status, phase, actor);
  if (status === dossier.status) return dossier;
  return { ...dossier, status: status as DossierStatus, award: null, closingReason: null };
}

/** Whether this caller may see the ranking (standing, rank, aggregate) of a dossier in this phase. */
export function rankingVisibleTo(phase: SelectionPhase, actor: Actor): boolean {
  return actor.role === 'admin' || RANKING_PUBLIC.includes(phase);
}

/** Whether this caller may see the award decision (awarded, amount, decision) in this phase. */
export function awardsVisibleTo(phase: SelectionPhase, actor: Actor): boolean {
  return actor.role === 'admin' || AWARDS_PUBLIC.includes(phase);
}

/** An expert sees a dossier while he is assigned to it or sits on its panel (a recused expert no longer does). */
export function isAssignedExpert(dossier: Dossier, actor: Actor): boolean {
  return (
    actor.role === 'expert' &&
    actor.expertId !== undefined &&
    (dossier.assignments.some((assignment) => assignment.expertId === actor.expertId && assignment.status === 'assigned') ||
      (dossier.laterStages ?? []).some((review) => review.expertIds.includes(actor.expertId as string)))
  );
}

export function isOwner(dossier: Dossier, actor: Actor): boolean {
  return actor.role === 'applicant' && actor.organisationCreditCode === dossier.applicantCreditCode;
}

/**
 * Who may see a dossier at all: its own organisation, the experts assigned to it, admins. For
 * everyone else it does not exist (404), because even the existence of an application is confidential.
 */
export function requireVisible(dossier: Dossier, actor: Actor): Dossier {
  if (actor.role === 'admin' || isOwner(dossier, actor) || isAssignedExpert(dossier, actor)) return dossier;
  throw notFound(dossier.dossierId);
}

/** Only the applicant organisation works on its dossier; anyone else sees no such dossier. */
export function requireOwner(dossier: Dossier, actor: Actor): Dossier {
  if (isOwner(dossier, actor)) return dossier;
  throw notFound(dossier.dossierId);
}

function notFound(dossierId: string) {
  return refuse('dossier-not-found', `there is no dossier "${dossierId}"`, 'not-found');
}
