import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * token_version: every token carries the version it was signed with; bumping it ends every session of
 * the account (sign out everywhere, password reset, deactivation). pending_since: an expert account
 * reserved before its ExpertRegistered event is written, unusable until then (see RegisterExpertHandler).
 */
export class AccountSessions1764400000000 implements MigrationInterface {
  name = 'AccountSessions1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE accounts ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE accounts ADD COLUMN pending_since timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE accounts DROP COLUMN pending_since`);
    await queryRunner.query(`ALTER TABLE accounts DROP COLUMN token_version`);
  }
}
