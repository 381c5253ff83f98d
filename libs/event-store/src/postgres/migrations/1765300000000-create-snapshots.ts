import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `es_snapshots`: a folded state kept beside its stream, so a load reads the snapshot and only the
 * events after it. One row per stream and fold: the fold's version and the stream revision it was
 * folded to identify what the row holds. A row of another fold version is never read, and the next
 * save replaces it; a save never replaces a later revision of the same version. Streams only grow,
 * so a snapshot is never wrong, only behind. Leaves es_events and es_append_streams as they are.
 */
export class CreateSnapshots1765300000000 implements MigrationInterface {
  name = 'CreateSnapshots1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE es_snapshots (
        stream_id text NOT NULL,
        fold text NOT NULL,
        fold_version integer NOT NULL,
        revision bigint NOT NULL,
        state jsonb NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (stream_id, fold)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE es_snapshots`);
  }
}
