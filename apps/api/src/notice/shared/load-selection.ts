import { selectionDecider, selectionFactsOf, selectionStreamOf } from '@app/domain/selection';
import type { Selection, SelectionFacts } from '@app/domain/selection';
import { refuse } from '@app/domain/shared/refusal';
import type { UnitOfWork } from '@app/platform';

/** The selection as this unit of work sees it (its own decisions included), or 404. */
export async function loadSelectionState(unit: UnitOfWork, selectionId: string): Promise<Selection> {
  const { state } = await unit.load(selectionStreamOf(selectionId), selectionDecider);
  if (state.phase === 'none') throw refuse('selection-not-found', `there is no selection "${selectionId}"`, 'not-found');
  return state;
}

/** What a dossier command carries of its selection (see selectionFactsOf). */
export async function loadSelection(unit: UnitOfWork, selectionId: string): Promise<SelectionFacts> {
  return selectionFactsOf(await loadSelectionState(unit, selectionId));
}
