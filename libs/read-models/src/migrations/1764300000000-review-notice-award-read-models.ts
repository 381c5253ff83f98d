import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read models past submission: the expert pool, the scoreboard, the ranked shortlist, objections
 * and awards. Every table is owned by one projection and refilled from events on a rebuild.
 */
export class ReviewNoticeAwardReadModels1764300000000 implements MigrationInterface {
  name = 'ReviewNoticeAwardReadModels1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    // The stream revision is the ETag of reads that come from this row.
    await runner.query('ALTER TABLE rm_selections ADD COLUMN revision bigint NOT NULL DEFAULT 0');
    await runner.query('ALTER TABLE rm_selections ADD COLUMN review_deadline_date text');
    await runner.query('CREATE INDEX rm_selections_year ON rm_selections (year, programme)');
    await runner.query(`
      CREATE TABLE rm_experts (
        id text PRIMARY KEY,
        name text NOT NULL,
        organisation_name text NOT NULL,
        organisation_credit_code text NOT NULL,
        fields jsonb NOT NULL,
        active boolean NOT NULL,
        conflicts jsonb NOT NULL,
        state jsonb NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE rm_scoreboard (
        selection_id text NOT NULL,
        dossier_id text NOT NULL,
        position integer NOT NULL,
        title text NOT NULL,
        tier text NOT NULL,
        score_count integer NOT NULL,
        aggregate double precision NOT NULL,
        mean double precision NOT NULL,
        median double precision NOT NULL,
        minimum double precision NOT NULL,
        maximum double precision NOT NULL,
        spread double precision NOT NULL,
        disagreement boolean NOT NULL,
        totals jsonb NOT NULL,
        PRIMARY KEY (selection_id, dossier_id)
      )`);
    await runner.query(`
      CREATE TABLE rm_shortlist_entries (
        selection_id text NOT NULL,
        dossier_id text NOT NULL,
        tier text NOT NULL,
        tier_position integer NOT NULL,
        standing text NOT NULL CHECK (standing IN ('selected', 'reserve', 'below-threshold')),
        rank integer,
        aggregate double precision,
        median double precision,
        minimum double precision,
        title text NOT NULL,
        applicant_credit_code text NOT NULL,
        PRIMARY KEY (selection_id, dossier_id)
      )`);
    await runner.query(`
      CREATE TABLE rm_objections (
        objection_id text PRIMARY KEY,
        selection_id text NOT NULL,
        dossier_id text NOT NULL,
        -- Its place among the dossier's objections: the filing order when the clock ties.
        filing_position integer NOT NULL,
        dossier_title text NOT NULL,
        applicant_credit_code text NOT NULL,
        objector jsonb NOT NULL,
        reason text NOT NULL,
        filed_at timestamptz NOT NULL,
        status text NOT NULL,
        finding text
      )`);
    await runner.query('CREATE INDEX rm_objections_selection ON rm_objections (selection_id, filed_at)');
    await runner.query('CREATE INDEX rm_objections_dossier ON rm_objections (dossier_id)');
    await runner.query(`
      CREATE TABLE rm_awards (
        selection_id text NOT NULL,
        dossier_id text NOT NULL,
        position integer NOT NULL,
        year integer NOT NULL,
        programme text NOT NULL,
        applicant_credit_code text NOT NULL,
        title text NOT NULL,
        awarded boolean NOT NULL,
        tier text,
        rank integer,
        project_key text,
        kind text,
        approved_investment_fen bigint,
        standard_fen bigint,
        paid_fen bigint,
        decision text,
        reason text,
        PRIMARY KEY (selection_id, dossier_id)
      )`);
    await runner.query('CREATE INDEX rm_awards_year ON rm_awards (year)');
    await runner.query('CREATE INDEX rm_awards_applicant ON rm_awards (applicant_credit_code)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['rm_awards', 'rm_objections', 'rm_shortlist_entries', 'rm_scoreboard', 'rm_experts']) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query('DROP INDEX rm_selections_year');
    await runner.query('ALTER TABLE rm_selections DROP COLUMN review_deadline_date');
    await runner.query('ALTER TABLE rm_selections DROP COLUMN revision');
  }
}
