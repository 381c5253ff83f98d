import type { DataSource } from 'typeorm';
import type { Criterion } from '@app/domain/scoring';
import type { Selection, SelectionPhase } from '@app/domain/selection';
import { refuse } from '@app/domain/shared/refusal';

export interface SelectionRow {
  readonly selection: Selection;
  /** The revision of the selection stream this row reflects: the ETag of reads built on it. */
  readonly revision: bigint;
  readonly dossierCounts: Record<string, number>;
}

interface RawSelectionRow {
  state: Selection;
  revision: string;
  dossier_counts: Record<string, number>;
}

const rowOf = (raw: RawSelectionRow): SelectionRow => ({ selection: raw.state, revision: BigInt(raw.revision), dossierCounts: raw.dossier_counts });

/** What an expert's list shows of a selection: its rules (rubric and review stages), stage, phase and review deadline. */
export interface SelectionReviewTerms {
  readonly rules: Selection['rules'];
  readonly stage: number;
  readonly phase: SelectionPhase;
  readonly reviewDeadlineDate: string | null;
}

/** rm_selections. */
export class SelectionReadModel {
  constructor(private readonly dataSource: DataSource) {}

  async one(selectionId: string): Promise<SelectionRow | null> {
    const rows: RawSelectionRow[] = await this.dataSource.query('SELECT state, revision, dossier_counts FROM rm_selections WHERE id = $1', [selectionId]);
    return rows.length === 0 ? null : rowOf(rows[0]);
  }

  /**
   * The review terms of these selections in one query, without their folded state: a selection's
   * state holds the ids of all its dossiers (≈400 KB at 6,400), which each expert's list would
   * otherwise read and parse.
   */
  async reviewTerms(selectionIds: readonly string[]): Promise<Map<string, SelectionReviewTerms>> {
    if (selectionIds.length === 0) return new Map();
    const rows: { id: string; rules: Selection['rules']; stage: number | null; phase: SelectionPhase; review_deadline_date: string | null }[] = await this.dataSource.query(
      `SELECT id, state->'rules' AS rules, (state->>'stage')::int AS stage, phase, review_deadline_date FROM rm_selections WHERE id = ANY($1::text[])`,
      [[...selectionIds]],
    );
    // A state folded before review stages has no stage: it is in stage 1.
    return new Map(rows.map((row) => [row.id, { rules: row.rules, stage: row.stage ?? 1, phase: row.phase, reviewDeadlineDate: row.review_deadline_date }]));
  }

  /** The row, or the refusal the API answers 404 with. */
  async require(selectionId: string): Promise<SelectionRow> {
    const row = await this.one(selectionId);
    if (!row) throw refuse('selection-not-found', `there is no selection "${selectionId}"`, 'not-found');
    return row;
  }

  /** Newest year first, then by id. */
  async all(filter: { year?: number } = {}): Promise<SelectionRow[]> {
    const rows: RawSelectionRow[] = await this.dataSource.query(
      `SELECT state, revision, dossier_counts FROM rm_selections WHERE ($1::int IS NULL OR year = $1) ORDER BY year DESC, id`,
      [filter.year ?? null],
    );
    return rows.map(rowOf);
  }
}
