import type { DataSource } from 'typeorm';
import type { Dossier, DossierStatus } from '@app/domain/dossier';

export const DOSSIER_SORTS = ['submittedAt', '-submittedAt', 'title', '-title', 'status', 'tier', 'organisation'] as const;
export type DossierSort = (typeof DOSSIER_SORTS)[number];

export interface DossierQuery {
  readonly selectionId?: string;
  readonly applicantCreditCode?: string;
  readonly status?: DossierStatus;
  readonly tier?: string;
  /** Part of the title, any case. */
  readonly search?: string;
  readonly sort?: DossierSort;
  /** 1-based. */
  readonly page?: number;
  readonly pageSize?: number;
}

export interface DossierPage {
  readonly dossiers: Dossier[];
  /** Every dossier matching the filters, across pages. */
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

// Ties fall back to the id, so pages never overlap or skip a row.
const ORDER_BY: Record<DossierSort, string> = {
  submittedAt: 'submitted_at ASC NULLS LAST, id',
  '-submittedAt': 'submitted_at DESC NULLS LAST, id',
  title: 'title, id',
  '-title': 'title DESC, id',
  status: 'status, submitted_at ASC NULLS LAST, id',
  tier: 'tier, submitted_at ASC NULLS LAST, id',
  organisation: 'applicant_credit_code, submitted_at ASC NULLS LAST, id',
};

export const DEFAULT_PAGE_SIZE = 100;

/** rm_dossiers: filtered, sorted and paged in SQL. */
export class DossierReadModel {
  constructor(private readonly dataSource: DataSource) {}

  async page(query: DossierQuery): Promise<DossierPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const where = `($1::text IS NULL OR selection_id = $1) AND ($2::text IS NULL OR applicant_credit_code = $2)
      AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR tier = $4)
      AND ($5::text IS NULL OR strpos(lower(title), lower($5)) > 0)`;
    const filters = [query.selectionId ?? null, query.applicantCreditCode ?? null, query.status ?? null, query.tier ?? null, query.search ?? null];
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM rm_dossiers WHERE ${where}`, filters);
    const rows: { state: Dossier }[] = await this.dataSource.query(
      `SELECT state FROM rm_dossiers WHERE ${where} ORDER BY ${ORDER_BY[query.sort ?? 'submittedAt']} LIMIT $6 OFFSET $7`,
      [...filters, pageSize, (page - 1) * pageSize],
    );
    return { dossiers: rows.map((row) => row.state), total, page, pageSize };
  }

  /** Every dossier matching, in submission order (for the lists that are never long: one organisation's, one selection's). */
  async all(query: Omit<DossierQuery, 'page' | 'pageSize'>): Promise<Dossier[]> {
    const dossiers: Dossier[] = [];
    for (let page = 1; ; page += 1) {
      const result = await this.page({ ...query, page, pageSize: 500 });
      dossiers.push(...result.dossiers);
      if (dossiers.length >= result.total || result.dossiers.length === 0) return dossiers;
    }
  }

  async byIds(dossierIds: readonly string[]): Promise<Dossier[]> {
    if (dossierIds.length === 0) return [];
    const rows: { state: Dossier }[] = await this.dataSource.query('SELECT state FROM rm_dossiers WHERE id = ANY($1::text[])', [[...dossierIds]]);
    const byId = new Map(rows.map((row) => [row.state.dossierId, row.state]));
    return dossierIds.flatMap((id) => (byId.has(id) ? [byId.get(id) as Dossier] : []));
  }

  /** The dossiers an expert is assigned to now (recused ones left out), by selection and submission. */
  async assignedTo(expertId: string): Promise<Dossier[]> {
    const rows: { state: Dossier }[] = await this.dataSource.query(
      `SELECT d.state FROM rm_dossiers d JOIN rm_expert_assignments a ON a.dossier_id = d.id
       WHERE a.expert_id = $1 AND a.status = 'assigned' ORDER BY d.selection_id, d.submitted_at NULLS LAST, d.id`,
      [expertId],
    );
    return rows.map((row) => row.state);
  }

  /** Dossiers of selections in a panel stage whose panel seats the expert (会议评审), recused seats excluded. */
  async seatedBefore(expertId: string): Promise<Dossier[]> {
    const rows: { state: Dossier }[] = await this.dataSource.query(
      `SELECT d.state FROM rm_dossiers d
       WHERE d.selection_id IN (SELECT s.id FROM rm_selections s WHERE COALESCE((s.state->>'stage')::int, 1) > 1)
         AND d.state->'laterStages' @> $1::jsonb
       ORDER BY d.selection_id, d.submitted_at NULLS LAST, d.id`,
      [JSON.stringify([{ expertIds: [expertId] }])],
    );
    return rows.map((row) => row.state);
  }
}
