import type { EntityManager } from 'typeorm';
import type { Dossier } from '@app/domain/dossier';

/**
 * The rm_dossiers rows of a batch's dossiers, with their rm_expert_assignments and rm_objections each
 * replaced whole, in two statements whatever the batch holds — not one per row: the upsert and both
 * DELETEs in one (each data-modifying CTE on a table of its own), then both children's
 * `INSERT … SELECT FROM unnest` in one. A score's batch is then a handful of statements, and a plan's
 * 32,000 assignments are not 32,000 round trips.
 */
export async function upsertDossiers(manager: EntityManager, dossiers: readonly Dossier[]): Promise<void> {
  if (dossiers.length === 0) return;
  const column = <T>(pick: (dossier: Dossier) => T) => dossiers.map(pick);
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
       DELETE FROM rm_objections WHERE dossier_id = ANY ($1::text[]) RETURNING 1
     )
     DELETE FROM rm_expert_assignments WHERE dossier_id = ANY ($1::text[])`,
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
      column((dossier) => JSON.stringify(dossier)),
    ],
  );
  // A dossier's assignments and objections are part of its state: replacing them whole keeps a replay harmless.
  const assignments = dossiers.flatMap((dossier) => {
    const scoredBy = scorersOf(dossier);
    return dossier.assignments.map((assignment) => [dossier.selectionId, dossier.dossierId, assignment.expertId, assignment.status, scoredBy.has(assignment.expertId)] as const);
  });
  const objections = dossiers.flatMap((dossier) =>
    dossier.objections.map((objection, position) => [
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
    ]),
  );
  if (assignments.length === 0 && objections.length === 0) return;
  await manager.query(
    `WITH objections_added AS (
       INSERT INTO rm_objections (objection_id, selection_id, dossier_id, filing_position, dossier_title, applicant_credit_code, objector, reason,
         filed_at, status, finding, evidence)
       SELECT objection_id, selection_id, dossier_id, filing_position, dossier_title, applicant_credit_code, objector::jsonb, reason,
         filed_at, status, finding, evidence::jsonb
         FROM unnest($6::text[], $7::text[], $8::text[], $9::int[], $10::text[], $11::text[], $12::text[], $13::text[], $14::timestamptz[], $15::text[], $16::text[], $17::text[])
           AS row (objection_id, selection_id, dossier_id, filing_position, dossier_title, applicant_credit_code, objector, reason, filed_at, status, finding, evidence)
       RETURNING 1
     )
     INSERT INTO rm_expert_assignments (selection_id, dossier_id, expert_id, status, scored)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[])`,
    [
      ...Array.from({ length: 5 }, (_, at) => assignments.map((row) => row[at])),
      ...Array.from({ length: 12 }, (_, at) => objections.map((row) => row[at])),
    ],
  );
}

const assignedOf = (dossier: Dossier) => dossier.assignments.filter((assignment) => assignment.status === 'assigned');
const scorersOf = (dossier: Dossier) => new Set(dossier.scores.map((score) => score.expertId));
