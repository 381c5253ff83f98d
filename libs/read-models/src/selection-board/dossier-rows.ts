import type { EntityManager } from 'typeorm';
import type { Dossier } from '@app/domain/dossier';

/** A dossier as its rows stood before the batch (null: it had none) and as the batch left it. */
export interface DossierChange {
  readonly before: Dossier | null;
  readonly after: Dossier;
  /** `after` as JSON: its `state` column (the caller keeps the same text). */
  readonly afterText: string;
}

/**
 * The rm_dossiers rows of a batch's dossiers and what changed of their rm_expert_assignments and
 * rm_objections, in one statement whatever the batch holds (two when objections changed) — not one
 * per row. The child rows are exactly those derived from the stored state (this is their only
 * writer), so `before` says which rows are there: a score changes one assignment's `scored` and
 * writes that row alone, where replacing the children whole deleted and re-inserted five.
 * The upsert, the assignments' upsert and DELETEs and the objections' DELETE share one statement: each
 * data-modifying CTE on a table of its own, or on rows no other part of the statement touches.
 */
export async function upsertDossiers(manager: EntityManager, changes: readonly DossierChange[]): Promise<void> {
  if (changes.length === 0) return;
  const dossiers = changes.map((change) => change.after);
  const column = <T>(pick: (dossier: Dossier) => T) => dossiers.map(pick);
  const assignments = changes.flatMap(({ before, after }) => {
    const stored = new Map((before ? assignmentRows(before) : []).map((row) => [row[2], JSON.stringify(row)]));
    return assignmentRows(after).filter((row) => stored.get(row[2]) !== JSON.stringify(row));
  });
  const assignmentsGone = changes.flatMap(({ before, after }) => {
    if (!before) return [];
    const kept = new Set(after.assignments.map((assignment) => assignment.expertId));
    return before.assignments.filter((assignment) => !kept.has(assignment.expertId)).map((assignment) => [after.dossierId, assignment.expertId] as const);
  });
  // A dossier's objections are replaced whole when any of their rows changed (they carry its title).
  const objectionsChanged = changes.filter(({ before, after }) => !before || JSON.stringify(objectionRows(before)) !== JSON.stringify(objectionRows(after)));
  const objections = objectionsChanged.flatMap(({ after }) => objectionRows(after));
  await manager.query(
    `WITH upserted AS (
       INSERT INTO rm_dossiers (id, selection_id, applicant_credit_code, title, tier, status, submitted_at, approved_investment_fen,
         assigned_count, scored_count, state)
       SELECT id, selection_id, applicant_credit_code, title, tier, status, submitted_at, approved_investment_fen, assigned_count, scored_count, state::jsonb
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::bigint[], $9::int[], $10::int[], $11::text[])
           AS row (id, selection_id, applicant_credit_code, title, tier, status, submitted_at, approved_investment_fen, assigned_count, scored_count, state)
       ON CONFLICT (id) DO UPDATE SET selection_id = EXCLUDED.selection_id, applicant_credit_code = EXCLUDED.applicant_credit_code,
         title = EXCLUDED.title, tier = EXCLUDED.tier, status = EXCLUDED.status, submitted_at = EXCLUDED.submitted_at,
         approved_investment_fen = EXCLUDED.approved_investment_fen, assigned_count = EXCLUDED.assigned_count,
         scored_count = EXCLUDED.scored_count, state = EXCLUDED.state
       RETURNING 1
     ), objections_gone AS (
       DELETE FROM rm_objections WHERE dossier_id = ANY ($17::text[]) RETURNING 1
     ), assignments_gone AS (
       DELETE FROM rm_expert_assignments gone USING unnest($18::text[], $19::text[]) AS pair (dossier_id, expert_id)
        WHERE gone.dossier_id = pair.dossier_id AND gone.expert_id = pair.expert_id RETURNING 1
     )
     INSERT INTO rm_expert_assignments (selection_id, dossier_id, expert_id, status, scored)
     SELECT * FROM unnest($12::text[], $13::text[], $14::text[], $15::text[], $16::boolean[])
     ON CONFLICT (dossier_id, expert_id) DO UPDATE SET selection_id = EXCLUDED.selection_id, status = EXCLUDED.status, scored = EXCLUDED.scored`,
    [
      column((dossier) => dossier.dossierId),
      column((dossier) => dossier.selectionId),
      column((dossier) => dossier.applicantCreditCode),
      column((dossier) => dossier.title),
      column((dossier) => dossier.tier),
      column((dossier) => dossier.status),
      column((dossier) => dossier.firstSubmittedAt),
      column((dossier) => (dossier.approvedInvestmentFen === null ? null : String(dossier.approvedInvestmentFen))),
      column((dossier) => assignedOf(dossier).length),
      column((dossier) => {
        const scoredBy = scorersOf(dossier);
        return assignedOf(dossier).filter((assignment) => scoredBy.has(assignment.expertId)).length;
      }),
      changes.map((change) => change.afterText),
      ...Array.from({ length: 5 }, (_, at) => assignments.map((row) => row[at])),
      objectionsChanged.map(({ after }) => after.dossierId),
      assignmentsGone.map(([dossierId]) => dossierId),
      assignmentsGone.map(([, expertId]) => expertId),
    ],
  );
  if (objections.length === 0) return;
  await manager.query(
    `INSERT INTO rm_objections (objection_id, selection_id, dossier_id, filing_position, dossier_title, applicant_credit_code, objector, reason,
       filed_at, status, finding, evidence)
     SELECT objection_id, selection_id, dossier_id, filing_position, dossier_title, applicant_credit_code, objector::jsonb, reason,
       filed_at, status, finding, evidence::jsonb
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::text[], $11::text[], $12::text[])
         AS row (objection_id, selection_id, dossier_id, filing_position, dossier_title, applicant_credit_code, objector, reason, filed_at, status, finding, evidence)`,
    Array.from({ length: 12 }, (_, at) => objections.map((row) => row[at])),
  );
}

/** The rm_expert_assignments rows of a dossier, keyed by the expert (the third column). */
function assignmentRows(dossier: Dossier) {
  const scoredBy = scorersOf(dossier);
  return dossier.assignments.map((assignment) => [dossier.selectionId, dossier.dossierId, assignment.expertId, assignment.status, scoredBy.has(assignment.expertId)] as const);
}

function objectionRows(dossier: Dossier) {
  return dossier.objections.map((objection, position) => [
    objection.objectionId,
    dossier.selectionId,
    dossier.dossierId,
    position,
    dossier.title,
    dossier.applicantCreditCode,
    JSON.stringify(objection.objector),
    objection.reason,
    objection.filedAt,
    objection.status,
    objection.finding,
    JSON.stringify(objection.evidence ?? []),
  ]);
}

const assignedOf = (dossier: Dossier) => dossier.assignments.filter((assignment) => assignment.status === 'assigned');
const scorersOf = (dossier: Dossier) => new Set(dossier.scores.map((score) => score.expertId));
