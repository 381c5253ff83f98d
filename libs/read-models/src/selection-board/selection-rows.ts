import type { EntityManager } from 'typeorm';
import { Selection, describePhase } from '@app/domain/selection';

/** One rm_selections row from the folded selection and the revision of its last event. */
export async function upsertSelection(manager: EntityManager, selection: Selection, revision: bigint): Promise<void> {
  const notice = selection.notice
    ? { startsOn: selection.notice.startsOn, endsOn: selection.notice.endsOn, workingDays: selection.notice.workingDays }
    : null;
  await manager.query(
    `INSERT INTO rm_selections (id, programme, year, batch, title, phase, phase_description, submission_deadline_date, notice,
       review_deadline_date, revision, state)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (id) DO UPDATE SET programme = EXCLUDED.programme, year = EXCLUDED.year, batch = EXCLUDED.batch,
       title = EXCLUDED.title, phase = EXCLUDED.phase, phase_description = EXCLUDED.phase_description,
       submission_deadline_date = EXCLUDED.submission_deadline_date, notice = EXCLUDED.notice,
       review_deadline_date = EXCLUDED.review_deadline_date, revision = EXCLUDED.revision, state = EXCLUDED.state`,
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
      selection.reviewDeadlineDate,
      String(revision),
      JSON.stringify(selection),
    ],
  );
}

/** The per-status counts, recounted from the dossier rows (never incremented, so a replay is harmless). */
export async function recountDossiers(manager: EntityManager, selectionId: string): Promise<void> {
  await manager.query(
    `UPDATE rm_selections SET dossier_counts = COALESCE(
       (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM rm_dossiers WHERE selection_id = $1 GROUP BY status) counts),
       '{}'::jsonb)
     WHERE id = $1`,
    [selectionId],
  );
}
