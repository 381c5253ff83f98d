import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@app/event-store';
import { categoryOf } from '@app/event-store';
import { Dossier, DossierEvent, DossierState, dossierDecider } from '@app/domain/dossier';
import { Selection, SelectionEvent, SelectionState, describePhase, selectionDecider } from '@app/domain/selection';
import type { Projection } from '../projection';

const asDomainEvent = <E>(event: RecordedEvent): E => ({ type: event.type, data: event.data }) as E;

/**
 * rm_selections, rm_dossiers and rm_expert_assignments. Each row keeps its folded aggregate (`state`)
 * so the next event evolves it with the domain's own evolve; the columns are derived from that state
 * and written as upserts, and the per-selection counts are recounted, never incremented.
 */
export const selectionBoardProjection: Projection = {
  name: 'selection-board',
  version: 1,
  categories: ['selection', 'dossier'],
  tables: ['rm_expert_assignments', 'rm_dossiers', 'rm_selections'],
  async handle(events, manager) {
    const selections = new Map<string, SelectionState>();
    const dossiers = new Map<string, DossierState>();
    for (const event of events) {
      const id = event.streamId.slice(event.streamId.indexOf('-') + 1);
      if (categoryOf(event.streamId) === 'selection') {
        const state = selections.get(id) ?? (await loadState<SelectionState>(manager, 'rm_selections', id)) ?? selectionDecider.initialState();
        selections.set(id, selectionDecider.evolve(state, asDomainEvent<SelectionEvent>(event)));
      } else {
        const state = dossiers.get(id) ?? (await loadState<DossierState>(manager, 'rm_dossiers', id)) ?? dossierDecider.initialState();
        dossiers.set(id, dossierDecider.evolve(state, asDomainEvent<DossierEvent>(event)));
      }
    }
    const touchedSelections = new Set<string>();
    for (const state of selections.values()) {
      if (state.phase === 'none') continue;
      await upsertSelection(manager, state);
      touchedSelections.add(state.selectionId);
    }
    for (const state of dossiers.values()) {
      if (state.status === 'none') continue;
      await upsertDossier(manager, state);
      touchedSelections.add(state.selectionId);
    }
    for (const selectionId of touchedSelections) await recountDossiers(manager, selectionId);
  },
};

async function loadState<State>(manager: EntityManager, table: string, id: string): Promise<State | null> {
  const rows: { state: State }[] = await manager.query(`SELECT state FROM ${table} WHERE id = $1`, [id]);
  return rows.length === 0 ? null : rows[0].state;
}

async function upsertSelection(manager: EntityManager, selection: Selection): Promise<void> {
  const notice = selection.notice
    ? { startsOn: selection.notice.startsOn, endsOn: selection.notice.endsOn, workingDays: selection.notice.workingDays }
    : null;
  await manager.query(
    `INSERT INTO rm_selections (id, programme, year, batch, title, phase, phase_description, submission_deadline_date, notice, state)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (id) DO UPDATE SET programme = EXCLUDED.programme, year = EXCLUDED.year, batch = EXCLUDED.batch,
       title = EXCLUDED.title, phase = EXCLUDED.phase, phase_description = EXCLUDED.phase_description,
       submission_deadline_date = EXCLUDED.submission_deadline_date, notice = EXCLUDED.notice, state = EXCLUDED.state`,
    [
      selection.selectionId,
      selection.programme,
      selection.year,
      selection.batch,
      selection.title,
      selection.phase,
      describePhase(selection),
      selection.submissionDeadlineDate,
      notice === null ? null : JSON.stringify(notice),
      JSON.stringify(selection),
    ],
  );
}

async function upsertDossier(manager: EntityManager, dossier: Dossier): Promise<void> {
  const assigned = dossier.assignments.filter((assignment) => assignment.status === 'assigned');
  const scoredBy = new Set(dossier.scores.map((score) => score.expertId));
  await manager.query(
    `INSERT INTO rm_dossiers (id, selection_id, applicant_credit_code, title, tier, status, submitted_at, approved_investment_fen,
       assigned_count, scored_count, state)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (id) DO UPDATE SET selection_id = EXCLUDED.selection_id, applicant_credit_code = EXCLUDED.applicant_credit_code,
       title = EXCLUDED.title, tier = EXCLUDED.tier, status = EXCLUDED.status, submitted_at = EXCLUDED.submitted_at,
       approved_investment_fen = EXCLUDED.approved_investment_fen, assigned_count = EXCLUDED.assigned_count,
       scored_count = EXCLUDED.scored_count, state = EXCLUDED.state`,
    [
      dossier.dossierId,
      dossier.selectionId,
      dossier.applicantCreditCode,
      dossier.title,
      dossier.tier,
      dossier.status,
      dossier.firstSubmittedAt,
      dossier.approvedInvestmentFen === null ? null : String(dossier.approvedInvestmentFen),
      assigned.length,
      assigned.filter((assignment) => scoredBy.has(assignment.expertId)).length,
      JSON.stringify(dossier),
    ],
  );
  // The dossier's assignments are its state's; replacing them whole keeps a replay harmless.
  await manager.query('DELETE FROM rm_expert_assignments WHERE dossier_id = $1', [dossier.dossierId]);
  for (const assignment of dossier.assignments) {
    await manager.query(
      `INSERT INTO rm_expert_assignments (selection_id, dossier_id, expert_id, status, scored) VALUES ($1, $2, $3, $4, $5)`,
      [dossier.selectionId, dossier.dossierId, assignment.expertId, assignment.status, scoredBy.has(assignment.expertId)],
    );
  }
}

async function recountDossiers(manager: EntityManager, selectionId: string): Promise<void> {
  await manager.query(
    `UPDATE rm_selections SET dossier_counts = COALESCE(
       (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM rm_dossiers WHERE selection_id = $1 GROUP BY status) counts),
       '{}'::jsonb)
     WHERE id = $1`,
    [selectionId],
  );
}
