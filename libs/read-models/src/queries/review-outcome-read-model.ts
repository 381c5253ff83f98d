import type { DataSource } from 'typeorm';
import type { DossierAggregate } from '@app/domain/scoring';

/** The aggregation's line for a dossier, with what the scoreboard shows beside it. */
export interface ScoreboardRow extends DossierAggregate {
  readonly title: string;
  readonly tier: string;
  readonly totals: { expertId: string; total: number }[];
}

export interface ShortlistRow {
  readonly dossierId: string;
  readonly tier: string;
  readonly standing: 'selected' | 'reserve' | 'below-threshold';
  readonly rank: number | null;
  readonly aggregate: number | null;
  readonly median: number | null;
  readonly minimum: number | null;
  readonly title: string;
  readonly applicantCreditCode: string;
}

export interface ObjectionRow {
  readonly objectionId: string;
  readonly selectionId: string;
  readonly dossierId: string;
  readonly dossierTitle: string;
  readonly applicantCreditCode: string;
  readonly objector: { name: string; contact: string; organisation: string | null };
  readonly reason: string;
  readonly filedAt: string;
  readonly status: 'open' | 'upheld' | 'dismissed';
  readonly finding: string | null;
  /** The files the objector sent, stored under their SHA-256. */
  readonly evidence: readonly { name: string; mediaType: string; sizeBytes: number; sha256: string }[];
}

export interface AwardRow {
  readonly selectionId: string;
  readonly dossierId: string;
  readonly year: number;
  readonly programme: string;
  readonly applicantCreditCode: string;
  readonly title: string;
  readonly awarded: boolean;
  readonly tier: string | null;
  readonly rank: number | null;
  readonly projectKey: string | null;
  readonly kind: 'policy' | 'money' | null;
  readonly approvedInvestmentFen: number | null;
  readonly standardFen: number | null;
  readonly paidFen: number | null;
  readonly decision: 'paid' | 'top-up' | 'not-paid' | null;
  readonly reason: string | null;
}

const fen = (value: string | null): number | null => (value === null ? null : Number(value));
const iso = (value: Date | string): string => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

/** rm_scoreboard, rm_shortlist_entries, rm_objections and rm_awards: what review, notice and awards decided. */
export class ReviewOutcomeReadModel {
  constructor(private readonly dataSource: DataSource) {}

  /** In the order the aggregation listed them. */
  async scoreboard(selectionId: string): Promise<ScoreboardRow[]> {
    const rows = await this.dataSource.query(
      `SELECT dossier_id, title, tier, score_count, aggregate, mean, median, minimum, maximum, spread, disagreement, totals
       FROM rm_scoreboard WHERE selection_id = $1 ORDER BY position`,
      [selectionId],
    );
    return rows.map((row: Record<string, unknown>) => ({
      dossierId: row.dossier_id,
      title: row.title,
      tier: row.tier,
      count: row.score_count,
      aggregate: row.aggregate,
      mean: row.mean,
      median: row.median,
      minimum: row.minimum,
      maximum: row.maximum,
      spread: row.spread,
      disagreement: row.disagreement,
      totals: row.totals,
    })) as ScoreboardRow[];
  }

  /** Per tier in ranking order: the selected, then the reserves; below-threshold entries last. */
  async shortlist(selectionId: string): Promise<ShortlistRow[]> {
    const rows = await this.dataSource.query(
      `SELECT dossier_id, tier, standing, rank, aggregate, median, minimum, title, applicant_credit_code
       FROM rm_shortlist_entries WHERE selection_id = $1 ORDER BY standing = 'below-threshold', tier_position`,
      [selectionId],
    );
    return rows.map((row: Record<string, unknown>) => ({
      dossierId: row.dossier_id,
      tier: row.tier,
      standing: row.standing,
      rank: row.rank,
      aggregate: row.aggregate,
      median: row.median,
      minimum: row.minimum,
      title: row.title,
      applicantCreditCode: row.applicant_credit_code,
    })) as ShortlistRow[];
  }

  /** Oldest first (same instant: by dossier, then in filing order). */
  async objections(filter: { selectionId?: string; objectionId?: string }): Promise<ObjectionRow[]> {
    const rows = await this.dataSource.query(
      `SELECT * FROM rm_objections WHERE ($1::text IS NULL OR selection_id = $1) AND ($2::text IS NULL OR objection_id = $2)
       ORDER BY filed_at, dossier_id, filing_position`,
      [filter.selectionId ?? null, filter.objectionId ?? null],
    );
    return rows.map((row: Record<string, unknown>) => ({
      objectionId: row.objection_id,
      selectionId: row.selection_id,
      dossierId: row.dossier_id,
      dossierTitle: row.dossier_title,
      applicantCreditCode: row.applicant_credit_code,
      objector: row.objector,
      reason: row.reason,
      filedAt: iso(row.filed_at as Date),
      status: row.status,
      finding: row.finding,
      evidence: row.evidence ?? [],
    })) as ObjectionRow[];
  }

  /** In the order decided (tier by tier, by rank), then those not awarded; newest year first. */
  async awards(filter: { selectionId?: string; applicantCreditCode?: string }): Promise<AwardRow[]> {
    const rows = await this.dataSource.query(
      `SELECT * FROM rm_awards WHERE ($1::text IS NULL OR selection_id = $1) AND ($2::text IS NULL OR applicant_credit_code = $2)
       ORDER BY year DESC, selection_id, position`,
      [filter.selectionId ?? null, filter.applicantCreditCode ?? null],
    );
    return rows.map((row: Record<string, unknown>) => ({
      selectionId: row.selection_id,
      dossierId: row.dossier_id,
      year: row.year,
      programme: row.programme,
      applicantCreditCode: row.applicant_credit_code,
      title: row.title,
      awarded: row.awarded,
      tier: row.tier,
      rank: row.rank,
      projectKey: row.project_key,
      kind: row.kind,
      approvedInvestmentFen: fen(row.approved_investment_fen as string | null),
      standardFen: fen(row.standard_fen as string | null),
      paidFen: fen(row.paid_fen as string | null),
      decision: row.decision,
      reason: row.reason,
    })) as AwardRow[];
  }
}
