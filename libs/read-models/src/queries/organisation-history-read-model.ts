import type { DataSource } from 'typeorm';

/** One dossier of an organisation, with how far it went. */
export interface OrganisationHistoryLine {
  readonly year: number;
  readonly selectionId: string;
  readonly programme: string;
  readonly selectionTitle: string;
  readonly selectionPhase: string;
  readonly dossierId: string;
  readonly title: string;
  readonly tier: string;
  readonly status: string;
  readonly submittedAt: string | null;
  /** On the frozen shortlist: selected or reserve (or under the threshold); null before review closes or when not ranked. */
  readonly standing: 'selected' | 'reserve' | 'below-threshold' | null;
  readonly rank: number | null;
  readonly aggregate: number | null;
  readonly awarded: boolean | null;
  readonly paidFen: number | null;
  readonly decision: string | null;
}

/** Every dossier of one organisation across the years, joined with its selection, ranking and award. */
export class OrganisationHistoryReadModel {
  constructor(private readonly dataSource: DataSource) {}

  async of(creditCode: string): Promise<OrganisationHistoryLine[]> {
    const rows = await this.dataSource.query(
      `SELECT s.year, s.id AS selection_id, s.programme, s.title AS selection_title, s.phase AS selection_phase,
              d.id AS dossier_id, d.title, d.tier, d.status, d.submitted_at,
              e.standing, e.rank, e.aggregate, a.awarded, a.paid_fen, a.decision
       FROM rm_dossiers d
       JOIN rm_selections s ON s.id = d.selection_id
       LEFT JOIN rm_shortlist_entries e ON e.selection_id = d.selection_id AND e.dossier_id = d.id
       LEFT JOIN rm_awards a ON a.selection_id = d.selection_id AND a.dossier_id = d.id
       WHERE d.applicant_credit_code = $1
       ORDER BY s.year DESC, s.id, d.submitted_at NULLS LAST, d.id`,
      [creditCode],
    );
    return rows.map((row: Record<string, unknown>) => ({
      year: row.year,
      selectionId: row.selection_id,
      programme: row.programme,
      selectionTitle: row.selection_title,
      selectionPhase: row.selection_phase,
      dossierId: row.dossier_id,
      title: row.title,
      tier: row.tier,
      status: row.status,
      submittedAt: row.submitted_at === null ? null : new Date(row.submitted_at as string).toISOString(),
      standing: row.standing ?? null,
      rank: row.rank ?? null,
      aggregate: row.aggregate ?? null,
      awarded: row.awarded ?? null,
      paidFen: row.paid_fen === null || row.paid_fen === undefined ? null : Number(row.paid_fen),
      decision: row.decision ?? null,
    })) as OrganisationHistoryLine[];
  }
}
