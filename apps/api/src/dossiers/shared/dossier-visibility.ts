import type { Actor } from '@app/domain/shared/command-metadata';
import type { Dossier } from '@app/domain/dossier';
import { refuse } from '@app/domain/shared/refusal';

/** An expert sees a dossier while he is assigned to it (a recused expert no longer does). */
export function isAssignedExpert(dossier: Dossier, actor: Actor): boolean {
  return (
    actor.role === 'expert' &&
    actor.expertId !== undefined &&
    dossier.assignments.some((assignment) => assignment.expertId === actor.expertId && assignment.status === 'assigned')
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
