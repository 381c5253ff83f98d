import type { Dossier, DossierState } from '@app/domain/dossier';
import type { CommandMetadata } from '@app/domain/shared/command-metadata';
import { refuse } from '@app/domain/shared/refusal';
import type { Versioned } from '../../workflow/stream-directory';
import { StreamDirectory } from '../../workflow/stream-directory';

const hidden = (dossierId: string) => refuse('dossier-not-found', `there is no dossier "${dossierId}" assigned to you`, 'not-found');

/**
 * The dossier as the signed-in expert may see it: only one ever assigned to him or seated before him
 * on a stage's panel (also when recused, so he learns why he may no longer score). Any other dossier is 404, its existence being confidential.
 */
export async function assignedDossierOf(directory: StreamDirectory, dossierId: string, metadata: CommandMetadata): Promise<Versioned<Dossier>> {
  requireExpertAccount(metadata);
  let dossier: Versioned<Dossier>;
  try {
    dossier = await directory.dossier(dossierId);
  } catch {
    throw hidden(dossierId);
  }
  return { value: requireAssignedTo(dossier.value, dossierId, metadata), revision: dossier.revision };
}

/** The same rule on a dossier already folded (a command's own load). */
export function requireAssignedTo(state: DossierState, dossierId: string, metadata: CommandMetadata): Dossier {
  const expertId = requireExpertAccount(metadata);
  if (state.status === 'none') throw hidden(dossierId);
  const onPanel = (state.laterStages ?? []).some((review) => review.expertIds.includes(expertId) || review.recused.some((seat) => seat.expertId === expertId));
  if (!onPanel && !state.assignments.some((assignment) => assignment.expertId === expertId)) throw hidden(dossierId);
  return state;
}

function requireExpertAccount(metadata: CommandMetadata): string {
  const expertId = metadata.actor.expertId;
  if (!expertId) throw refuse('forbidden', 'this account is not linked to an expert', 'forbidden');
  return expertId;
}
