import { categoryOf } from '@app/event-store';
import { Dossier, DossierEvent, DossierState, dossierDecider } from '@app/domain/dossier';
import { Selection, SelectionEvent, SelectionState, selectionDecider } from '@app/domain/selection';
import { aggregateIdOf, asDomainEvent, loadFoldedState, loadFoldedStates } from '../folded-state';
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
  async handle(events, manager) {
    const selections = new Map<string, { state: SelectionState; revision: bigint; outcome: boolean }>();
    // The dossiers' folded rows in one query for the batch (a plan touches thousands of them).
    const dossierIds = [...new Set(events.filter((event) => categoryOf(event.streamId) === 'dossier').map((event) => aggregateIdOf(event.streamId)))];
    const dossiers: Map<string, DossierState> = await loadFoldedStates<DossierState>(manager, 'rm_dossiers', dossierIds);
    for (const event of events) {
      const id = aggregateIdOf(event.streamId);
      if (categoryOf(event.streamId) === 'selection') {
        const state = selections.get(id)?.state ?? (await loadFoldedState<SelectionState>(manager, 'rm_selections', id)) ?? selectionDecider.initialState();
        const outcome = (selections.get(id)?.outcome ?? false) || OUTCOME_EVENTS.has(event.type);
        selections.set(id, { state: selectionDecider.evolve(state, asDomainEvent<SelectionEvent>(event)), revision: event.revision, outcome });
      } else {
        const state = dossiers.get(id) ?? dossierDecider.initialState();
        dossiers.set(id, dossierDecider.evolve(state, asDomainEvent<DossierEvent>(event)));
      }
    }
    const touchedDossiers = dossierIds.map((id) => dossiers.get(id)).filter((state): state is Dossier => state !== undefined && state.status !== 'none');
    await upsertDossiers(manager, touchedDossiers);
    const touchedSelections = new Set(touchedDossiers.map((state) => state.selectionId));
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
