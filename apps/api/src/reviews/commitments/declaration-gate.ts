import { requireSignedDeclaration } from '@app/domain/commitments';
import type { Actor } from '@app/domain/shared/command-metadata';
import type { StreamDirectory } from '../../workflow/stream-directory';

/**
 * Every dossier read of an expert goes through here: he must have signed the selection's
 * 保密承诺、回避声明 first (403 `declaration-not-signed` otherwise). Other roles pass.
 */
export async function requireDeclarationSigned(directory: StreamDirectory, selectionId: string, actor: Actor): Promise<void> {
  if (actor.role !== 'expert' || !actor.expertId) return;
  requireSignedDeclaration(await directory.signature(selectionId, actor.expertId), selectionId, actor.expertId);
}
