import type { Dossier } from '@app/domain/dossier';
import type { CommandMetadata } from '@app/domain/shared/command-metadata';
import { refuse } from '@app/domain/shared/refusal';
import type { Versioned } from '../../workflow/stream-directory';
import { StreamDirectory } from '../../workflow/stream-directory';

/**
 * The dossier as the signed-in expert may see it: only one ever assigned to him or seated before him
 * on a stage's panel (also when recused, so he learns why he may no longer score). Any other dossier is 404, its existence being confidential.
 */
export async function assignedDossierOf(directory: StreamDirectory, dossierId: string, metadata: CommandMetadata): Promise<Versioned<Dossier>> {
  const expertId = metadata.actor.expertId;
  const hidden = () => refuse('dossier-not-found', `there is no dossier "${dossierId}" assigned to you`, 'not-found');
  if (!expertId) throw refuse('forbidden', 'this account is not linked to an expert', 'forbidden');
  let dossier: Versioned<Dossier>;
  try {
    dossier = await directory.dossier(dossierId);
  } catch {
    throw hidden();
  }
  const onPanel = (dossier.value.laterStages ?? []).some((review) => review.expertIds.includes(expertId) || review.recused.some((seat) => seat.expertId === expertId));
  if (!onPanel && !dossier.value.assignments.some((assignment) => assignment.expertId === expertId)) throw hidden();
  return dossier;
}
