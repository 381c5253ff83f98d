import { MigrationInterface, QueryRunner } from 'typeorm';

/** The evidence files of each objection (name, media type, size, SHA-256); objections filed before have none. */
export class ObjectionEvidence1764800000000 implements MigrationInterface {
  name = 'ObjectionEvidence1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE rm_objections ADD COLUMN evidence jsonb NOT NULL DEFAULT '[]'::jsonb`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE rm_objections DROP COLUMN evidence');
  }
}
