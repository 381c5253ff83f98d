import { MigrationInterface, QueryRunner } from 'typeorm';

/** The single-stream append as this migration made it (the hash-chain migration's `down` restores it). */
export const APPEND_FUNCTION_SQL = `
      CREATE FUNCTION es_append(p_stream_id text, p_category text, p_expected text, p_events jsonb)
      RETURNS TABLE (next_revision bigint, commit_position xid8, prepare_position bigint, appended boolean)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_revision bigint;
        v_count int := jsonb_array_length(p_events);
        v_existing int;
      BEGIN
        INSERT INTO es_streams (stream_id, category, revision) VALUES (p_stream_id, p_category, -1)
          ON CONFLICT (stream_id) DO NOTHING;
        SELECT s.revision INTO v_revision FROM es_streams s WHERE s.stream_id = p_stream_id FOR UPDATE;

        SELECT count(*) INTO v_existing FROM es_events e
          WHERE e.stream_id = p_stream_id
            AND e.event_id IN (SELECT (x ->> 'eventId')::uuid FROM jsonb_array_elements(p_events) x);
        IF v_existing = v_count THEN
          RETURN QUERY SELECT v_revision, e.transaction_id, e.global_position, false FROM es_events e
            WHERE e.stream_id = p_stream_id
              AND e.event_id IN (SELECT (x ->> 'eventId')::uuid FROM jsonb_array_elements(p_events) x)
            ORDER BY e.stream_revision DESC LIMIT 1;
          RETURN;
        ELSIF v_existing > 0 THEN
          RAISE EXCEPTION 'some events of this append are already in stream %', p_stream_id
            USING ERRCODE = 'ES002';
        END IF;

        IF (p_expected = 'no-stream' AND v_revision <> -1)
           OR (p_expected = 'stream-exists' AND v_revision = -1)
           OR (p_expected ~ '^[0-9]+$' AND v_revision <> p_expected::bigint) THEN
          RAISE EXCEPTION 'stream % is at revision %', p_stream_id, v_revision
            USING ERRCODE = 'ES001', DETAIL = v_revision::text;
        END IF;

        RETURN QUERY
          WITH inserted AS (
            INSERT INTO es_events (event_id, stream_id, category, stream_revision, type, data, metadata)
            SELECT (x ->> 'eventId')::uuid, p_stream_id, p_category, v_revision + n, x ->> 'type',
                   x -> 'data', x -> 'metadata'
              FROM jsonb_array_elements(p_events) WITH ORDINALITY AS t(x, n)
             ORDER BY n
            RETURNING es_events.transaction_id, es_events.global_position
          )
          SELECT v_revision + v_count, i.transaction_id, max(i.global_position), true
            FROM inserted i GROUP BY i.transaction_id;
        UPDATE es_streams SET revision = v_revision + v_count WHERE stream_id = p_stream_id;
      END
      $fn$`;

/**
 * The event store's tables and its append function.
 *
 * Global order is (transaction_id, global_position): every row remembers the id of the transaction
 * that wrote it, and readers only see rows of transactions older than the oldest one still running
 * (pg_snapshot_xmin). A transaction that commits late therefore can never be skipped: its rows stay
 * invisible to readers until every position before them is settled. See README, "Global order".
 */
export class CreateEventStore1764100000000 implements MigrationInterface {
  name = 'CreateEventStore1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE es_streams (
        stream_id text PRIMARY KEY,
        category text NOT NULL,
        revision bigint NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE es_events (
        global_position bigint GENERATED ALWAYS AS IDENTITY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id uuid NOT NULL,
        stream_id text NOT NULL REFERENCES es_streams (stream_id),
        category text NOT NULL,
        stream_revision bigint NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (transaction_id, global_position),
        CONSTRAINT es_events_event_id_unique UNIQUE (event_id),
        CONSTRAINT es_events_stream_revision_unique UNIQUE (stream_id, stream_revision)
      )`);
    await queryRunner.query(
      `CREATE INDEX es_events_category_order ON es_events (category, transaction_id, global_position)`,
    );
    await queryRunner.query(`
      CREATE TABLE es_subscription_checkpoints (
        subscription_id text PRIMARY KEY,
        commit_position bigint NOT NULL,
        prepare_position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One round trip per append: lock the stream row, settle idempotency, check the expected state,
    // write the events and the new revision, all in the caller's transaction.
    await queryRunner.query(APPEND_FUNCTION_SQL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION es_append(text, text, text, jsonb)`);
    await queryRunner.query(`DROP TABLE es_subscription_checkpoints`);
    await queryRunner.query(`DROP TABLE es_events`);
    await queryRunner.query(`DROP TABLE es_streams`);
  }
}
