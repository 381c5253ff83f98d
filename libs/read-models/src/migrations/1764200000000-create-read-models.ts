import { MigrationInterface, QueryRunner } from 'typeorm';

/** The projector's checkpoints and the first read models: selections, dossiers, expert assignments. */
export class CreateReadModels1764200000000 implements MigrationInterface {
  name = 'CreateReadModels1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE projection_checkpoints (
        name text PRIMARY KEY,
        version integer NOT NULL,
        commit_position bigint,
        prepare_position bigint,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE rm_selections (
        id text PRIMARY KEY,
        programme text NOT NULL,
        year integer NOT NULL,
        batch integer,
        title text NOT NULL,
        phase text NOT NULL,
        phase_description text NOT NULL,
        submission_deadline_date text NOT NULL,
        notice jsonb,
        dossier_counts jsonb NOT NULL DEFAULT '{}'::jsonb,
        state jsonb NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE rm_dossiers (
        id text PRIMARY KEY,
        selection_id text NOT NULL,
        applicant_credit_code text NOT NULL,
        title text NOT NULL,
        tier text NOT NULL,
        status text NOT NULL,
        submitted_at timestamptz,
        approved_investment_fen bigint,
        assigned_count integer NOT NULL,
        scored_count integer NOT NULL,
        state jsonb NOT NULL
      )`);
    await runner.query('CREATE INDEX rm_dossiers_selection ON rm_dossiers (selection_id, status)');
    await runner.query('CREATE INDEX rm_dossiers_applicant ON rm_dossiers (applicant_credit_code)');
    await runner.query(`
      CREATE TABLE rm_expert_assignments (
        selection_id text NOT NULL,
        dossier_id text NOT NULL,
        expert_id text NOT NULL,
        status text NOT NULL,
        scored boolean NOT NULL,
        PRIMARY KEY (dossier_id, expert_id)
      )`);
    await runner.query('CREATE INDEX rm_expert_assignments_expert ON rm_expert_assignments (expert_id, selection_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['rm_expert_assignments', 'rm_dossiers', 'rm_selections', 'projection_checkpoints']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
