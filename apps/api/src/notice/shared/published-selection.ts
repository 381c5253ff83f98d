import type { Selection } from '@app/domain/selection';
import type { Actor } from '@app/domain/shared/command-metadata';
import { refuse } from '@app/domain/shared/refusal';

/**
 * The award list exists for admins once decided and for everyone once published; before that it is
 * "not found" to others, since an unpublished list is confidential.
 */
export function requireVisibleAwards(selection: Selection, actor: Actor): void {
  const decided = selection.phase === 'awards-decided' || selection.phase === 'published';
  if (actor.role === 'admin' && decided) return;
  if (selection.phase === 'published') return;
  throw refuse(
    'awards-not-published',
    actor.role === 'admin' ? `the awards of ${selection.selectionId} are not decided yet` : `the awards of ${selection.selectionId} are not published yet`,
    'not-found',
  );
}
