import type { EntityManager } from 'typeorm';
import type { Dossier } from '@app/domain/dossier';

/** One rm_dossiers row, its rm_expert_assignments and its rm_objections, each replaced whole. */
export async function upsertDossier(manager: EntityManager, dossier: Dossier): Promise<void> {
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
  // A dossier's assignments and objections are part of its state: replacing them whole keeps a replay harmless.
  await manager.query('DELETE FROM rm_expert_assignments WHERE dossier_id = $1', [dossier.dossierId]);
  for (const assignment of dossier.assignments) {
    await manager.query(
      `INSERT INTO rm_expert_assignments (selection_id, dossier_id, expert_id, status, scored) VALUES ($1, $2, $3, $4, $5)`,
      [dossier.selectionId, dossier.dossierId, assignment.expertId, assignment.status, scoredBy.has(assignment.expertId)],
    );
  }
  await manager.query('DELETE FROM rm_objections WHERE dossier_id = $1', [dossier.dossierId]);
  for (const [position, objection] of dossier.objections.entries()) {
    await manager.query(
      `INSERT INTO rm_objections (objection_id, selection_id, dossier_id, filing_position, dossier_title, applicant_credit_code, objector, reason,
         filed_at, status, finding, evidence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
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
      ],
    );
  }
}
