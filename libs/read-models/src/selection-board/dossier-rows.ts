import type { EntityManager } from 'typeorm';
import type { Dossier } from '@app/domain/dossier';
import { Column, insertRows, updateAllBut } from './insert-rows';

const DOSSIER_COLUMNS: readonly Column[] = [
  ['id', 'text'], ['selection_id', 'text'], ['applicant_credit_code', 'text'], ['title', 'text'], ['tier', 'text'], ['status', 'text'],
  ['submitted_at', 'timestamptz'], ['approved_investment_fen', 'bigint'], ['assigned_count', 'integer'], ['scored_count', 'integer'],
  ['state', 'jsonb'],
];

const ASSIGNMENT_COLUMNS: readonly Column[] = [
  ['selection_id', 'text'], ['dossier_id', 'text'], ['expert_id', 'text'], ['status', 'text'], ['scored', 'boolean'],
];

const OBJECTION_COLUMNS: readonly Column[] = [
  ['objection_id', 'text'], ['selection_id', 'text'], ['dossier_id', 'text'], ['filing_position', 'integer'], ['dossier_title', 'text'],
  ['applicant_credit_code', 'text'], ['objector', 'jsonb'], ['reason', 'text'], ['filed_at', 'timestamptz'], ['status', 'text'],
  ['finding', 'text'], ['evidence', 'jsonb'],
];

/**
 * The rm_dossiers rows of the dossiers a batch touched, with their rm_expert_assignments and
 * rm_objections replaced whole — a dossier's assignments and objections are part of its state, so a
 * replay is harmless. Set-based: one upsert, two deletes and two inserts for the whole batch, however
 * many dossiers it touched (a plan of 6,400 dossiers and 32,000 assignments is a handful of statements
 * per batch, not eight per dossier).
 */
export async function upsertDossiers(manager: EntityManager, dossiers: readonly Dossier[]): Promise<void> {
  if (dossiers.length === 0) return;
  const rows: unknown[][] = [];
  const assignments: unknown[][] = [];
  const objections: unknown[][] = [];
  for (const dossier of dossiers) {
    const assigned = dossier.assignments.filter((assignment) => assignment.status === 'assigned');
    const scoredBy = new Set(dossier.scores.map((score) => score.expertId));
    rows.push([
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
    ]);
    for (const assignment of dossier.assignments) {
      assignments.push([dossier.selectionId, dossier.dossierId, assignment.expertId, assignment.status, scoredBy.has(assignment.expertId)]);
    }
    for (const [position, objection] of dossier.objections.entries()) {
      objections.push([
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
  }
  const ids = dossiers.map((dossier) => dossier.dossierId);
  await insertRows(manager, 'rm_dossiers', DOSSIER_COLUMNS, rows, updateAllBut('id', DOSSIER_COLUMNS));
  await manager.query('DELETE FROM rm_expert_assignments WHERE dossier_id = ANY($1::text[])', [ids]);
  await insertRows(manager, 'rm_expert_assignments', ASSIGNMENT_COLUMNS, assignments);
  await manager.query('DELETE FROM rm_objections WHERE dossier_id = ANY($1::text[])', [ids]);
  await insertRows(manager, 'rm_objections', OBJECTION_COLUMNS, objections);
}
