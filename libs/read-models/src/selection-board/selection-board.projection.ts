import { categoryOf } from '@app/event-store';
import { Dossier, DossierEvent, DossierState, dossierDecider } from '@app/domain/dossier';
import { Selection, SelectionEvent, SelectionState, selectionDecider } from '@app/domain/selection';
import { aggregateIdOf, asDomainEvent, loadFoldedState, loadRememberedStates, rememberState } from '../folded-state';
import type { Projection } from '../projection';
import { upsertDossiers } from './dossier-rows';
import { OUTCOME_EVENTS, replaceReviewOutcome } from './review-outcome-rows';
import { recountDossiers, upsertSelection } from './selection-rows';

/**
 * Everything read about selections and their dossiers: rm_selections, rm_dossiers,
 * rm_expert_assignments, rm_objections, rm_scoreboard, rm_shortlist_entries and rm_awards.
 * Each selection and dossier row keeps its folded aggregate (`state`) so the next event evolves it
 * with the domain's own evolve; every other column and table is derived from those states and
 * written as upserts or whole replacements, so a replay is harmless.
 */
export const selectionBoardProjection: Projection = {
  name: 'selection-board',
  version: 2,
  categories: ['selection', 'dossier'],
  tables: ['rm_awards', 'rm_shortlist_entries', 'rm_scoreboard', 'rm_objections', 'rm_expert_assignments', 'rm_dossiers', 'rm_selections'],
  async handle(events, manager, memory) {
    const selections = new Map<string, { state: SelectionState; revision: bigint; outcome: boolean }>();
    const dossiers = new Map<string, DossierState>();
    const dossierIds = [...new Set(events.filter((event) => categoryOf(event.streamId) === 'dossier').map((event) => aggregateIdOf(event.streamId)))];
    const stored = await loadRememberedStates<Dossier>(manager, 'rm_dossiers', dossierIds, memory);
    for (const event of events) {
      const id = aggregateIdOf(event.streamId);
      if (categoryOf(event.streamId) === 'selection') {
        const state = selections.get(id)?.state ?? (await loadFoldedState<SelectionState>(manager, 'rm_selections', id)) ?? selectionDecider.initialState();
        const outcome = (selections.get(id)?.outcome ?? false) || OUTCOME_EVENTS.has(event.type);
        selections.set(id, { state: selectionDecider.evolve(state, asDomainEvent<SelectionEvent>(event)), revision: event.revision, outcome });
      } else {
        const state = dossiers.get(id) ?? stored.get(id) ?? dossierDecider.initialState();
        dossiers.set(id, dossierDecider.evolve(state, asDomainEvent<DossierEvent>(event)));
      }
    }
    // The per-status counts change only when a dossier is new or changes status (a score does neither).
    const touchedSelections = new Set<string>();
    const changed = [...dossiers].filter((entry): entry is [string, Dossier] => entry[1].status !== 'none');
    const written = changed.map(([id, after]) => ({ before: stored.get(id) ?? null, after, afterText: JSON.stringify(after) }));
    await upsertDossiers(manager, written);
    for (const [index, [id]] of changed.entries()) rememberState(memory, 'rm_dossiers', id, written[index].afterText);
    for (const [id, state] of changed) if (stored.get(id)?.status !== state.status) touchedSelections.add(state.selectionId);
    for (const { state, revision, outcome } of selections.values()) {
      if (state.phase === 'none') continue;
      await upsertSelection(manager, state, revision);
      // After the dossiers: the outcome names them with their titles and organisations. Only the
      // events that decide it rewrite it; a notice or a publication leaves the rows as they are.
      if (outcome) await replaceReviewOutcome(manager, state as Selection);
      touchedSelections.add(state.selectionId);
    }
    for (const selectionId of touchedSelections) await recountDossiers(manager, selectionId);
  },
};
