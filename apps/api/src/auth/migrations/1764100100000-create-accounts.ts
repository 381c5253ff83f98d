import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccounts1764100100000 implements MigrationInterface {
  name = 'CreateAccounts1764100100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organisations (
        credit_code text PRIMARY KEY,
        name text NOT NULL,
        contact_name text NOT NULL,
        contact_phone text NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'expert', 'applicant')),
        display_name text NOT NULL,
        organisation_credit_code text REFERENCES organisations (credit_code),
        expert_id text UNIQUE,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'applicant') = (organisation_credit_code IS NOT NULL)),
        CHECK ((role = 'expert') = (expert_id IS NOT NULL))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE accounts`);
    await queryRunner.query(`DROP TABLE organisations`);
  }
}
