import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fund ledger's read model (projection `fund-ledger`): every ledger line of every organisation,
 * the 算力券 calls' budgets, per year and measure the sums derived from both, and the national-level
 * applications (for the applicants' and the admins' lists).
 */
export class FundLedgerReadModels1764700000000 implements MigrationInterface {
  name = 'FundLedgerReadModels1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE rm_fund_lines (
        credit_code text NOT NULL,
        line_id text NOT NULL,
        year integer NOT NULL,
        measure text NOT NULL,
        kind text NOT NULL,
        source_id text NOT NULL,
        committed_fen bigint NOT NULL,
        issued_fen bigint NOT NULL,
        paid_fen bigint NOT NULL,
        decision text NOT NULL,
        decided_at timestamptz NOT NULL,
        stream_id text NOT NULL,
        position_commit numeric(20) NOT NULL,
        position_prepare numeric(20) NOT NULL,
        line jsonb NOT NULL,
        PRIMARY KEY (credit_code, line_id)
      )`);
    await runner.query(`CREATE INDEX rm_fund_lines_year_measure ON rm_fund_lines (year, measure)`);
    await runner.query(`CREATE INDEX rm_fund_lines_order ON rm_fund_lines (position_commit, position_prepare)`);
    await runner.query(`
      CREATE TABLE rm_fund_budgets (
        year integer NOT NULL,
        measure text NOT NULL,
        budget_fen bigint NOT NULL,
        source_id text NOT NULL,
        PRIMARY KEY (year, measure)
      )`);
    await runner.query(`
      CREATE TABLE rm_fund_applications (
        id text PRIMARY KEY,
        credit_code text NOT NULL,
        measure text NOT NULL,
        status text NOT NULL,
        applied_at timestamptz NOT NULL,
        state jsonb NOT NULL
      )`);
    await runner.query(`CREATE INDEX rm_fund_applications_credit_code ON rm_fund_applications (credit_code)`);
    await runner.query(`
      CREATE TABLE rm_fund_summary (
        year integer NOT NULL,
        measure text NOT NULL,
        budget_fen bigint,
        committed_fen bigint NOT NULL,
        issued_fen bigint NOT NULL,
        paid_fen bigint NOT NULL,
        lines integer NOT NULL,
        PRIMARY KEY (year, measure)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE rm_fund_summary`);
    await runner.query(`DROP TABLE rm_fund_applications`);
    await runner.query(`DROP TABLE rm_fund_budgets`);
    await runner.query(`DROP TABLE rm_fund_lines`);
  }
}
