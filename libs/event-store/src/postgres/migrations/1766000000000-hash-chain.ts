import { MigrationInterface, QueryRunner } from 'typeorm';
import { CANONICAL_TIME_SQL, GENESIS_HASH, eventHash } from '../../chain/event-chain';
import { APPEND_FUNCTION_SQL } from './1764100000000-create-event-store';
import { APPEND_STREAMS_FUNCTION_SQL } from './1764900000000-append-streams';

/** Events hashed per round trip while an existing history is chained. */
const BACKFILL_BATCH = 2000;
const GENESIS_SQL = `'\\x${GENESIS_HASH.toString('hex')}'::bytea`;

/**
 * Tamper-evident history (README, "Tamper-evident history").
 *
 * - `es_events.hash`: SHA-256(previous hash of the stream ‖ canonical bytes), see `chain/event-chain.ts`;
 *   `es_streams.head_hash` is the hash of the stream's last event, so an append chains from the stream row
 *   it locks anyway and reads no earlier event.
 * - `es_append_streams` now takes the RFC 8785 text of data and metadata (the adapter canonicalises once,
 *   and that text is both what is stored and what is hashed) and computes the hashes in its transaction.
 *   `es_append`, which took PostgreSQL's own JSON text, is dropped: nothing may write unchained events.
 * - Append-only at the database: statement triggers refuse UPDATE, DELETE and TRUNCATE of es_events and
 *   es_anchors, and DELETE and TRUNCATE of es_streams; a stream row may only move forward to the revision
 *   and hash of an event that is in the table. The privileges are revoked from PUBLIC, and from the owner
 *   when the migrating role is not a superuser (a superuser ignores privileges; the triggers still hold).
 * - `es_anchors`: the global chain of commits, one row per writing transaction in global order, made
 *   after the fact by `es_anchor` (see there), so appends to different streams never wait on each other.
 * - An existing history is chained once, here, in (stream, revision) order, before the triggers exist.
 */
export class HashChain1766000000000 implements MigrationInterface {
  name = 'HashChain1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE es_events ADD COLUMN hash bytea`);
    await queryRunner.query(`ALTER TABLE es_streams ADD COLUMN head_hash bytea NOT NULL DEFAULT ${GENESIS_SQL}`);
    await chainExistingHistory(queryRunner);
    await queryRunner.query(`ALTER TABLE es_events ALTER COLUMN hash SET NOT NULL`);

    await queryRunner.query(`DROP FUNCTION es_append(text, text, text, jsonb)`);
    await queryRunner.query(
      `DROP FUNCTION es_append_streams(text[], text[], text[], int[], uuid[], text[], jsonb[], jsonb[])`,
    );
    await queryRunner.query(CHAINED_APPEND_STREAMS_SQL);

    await queryRunner.query(`
      CREATE TABLE es_anchors (
        seq bigint PRIMARY KEY,
        commit_position xid8 NOT NULL,
        last_position bigint NOT NULL,
        event_count int NOT NULL,
        commit_hash bytea NOT NULL,
        chain_hash bytea NOT NULL,
        anchored_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT es_anchors_commit_unique UNIQUE (commit_position)
      )`);
    await queryRunner.query(`CREATE INDEX es_anchors_anchored_at ON es_anchors (anchored_at)`);
    await queryRunner.query(ANCHOR_FUNCTION_SQL);

    await queryRunner.query(`
      CREATE FUNCTION es_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION '% on % refused: the event store is append-only', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'ES003',
                HINT = 'History cannot be edited; append a correcting event, and upcast old event versions on read.';
      END
      $fn$`);
    await queryRunner.query(`
      CREATE FUNCTION es_check_stream_head() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF NEW.stream_id <> OLD.stream_id OR NEW.category <> OLD.category OR NEW.revision < OLD.revision
           OR NEW.head_hash IS DISTINCT FROM (SELECT e.hash FROM es_events e
                                                WHERE e.stream_id = NEW.stream_id AND e.stream_revision = NEW.revision)
        THEN
          RAISE EXCEPTION 'UPDATE on es_streams refused: a stream head only moves to its last appended event'
            USING ERRCODE = 'ES003', HINT = NEW.stream_id;
        END IF;
        RETURN NEW;
      END
      $fn$`);
    await queryRunner.query(`
      CREATE TRIGGER es_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON es_events
        FOR EACH STATEMENT EXECUTE FUNCTION es_refuse_rewrite()`);
    await queryRunner.query(`
      CREATE TRIGGER es_anchors_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON es_anchors
        FOR EACH STATEMENT EXECUTE FUNCTION es_refuse_rewrite()`);
    await queryRunner.query(`
      CREATE TRIGGER es_streams_keep_rows BEFORE DELETE OR TRUNCATE ON es_streams
        FOR EACH STATEMENT EXECUTE FUNCTION es_refuse_rewrite()`);
    await queryRunner.query(`
      CREATE TRIGGER es_streams_head_moves_forward BEFORE UPDATE ON es_streams
        FOR EACH ROW EXECUTE FUNCTION es_check_stream_head()`);
    await queryRunner.query(`
      DO $do$
      BEGIN
        REVOKE UPDATE, DELETE, TRUNCATE ON es_events, es_anchors FROM PUBLIC;
        REVOKE DELETE, TRUNCATE ON es_streams FROM PUBLIC;
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
          EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON es_events, es_anchors FROM %I', current_user);
          EXECUTE format('REVOKE DELETE, TRUNCATE ON es_streams FROM %I', current_user);
        END IF;
      END
      $do$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER es_streams_head_moves_forward ON es_streams`);
    await queryRunner.query(`DROP TRIGGER es_streams_keep_rows ON es_streams`);
    await queryRunner.query(`DROP TRIGGER es_events_append_only ON es_events`);
    await queryRunner.query(`DROP FUNCTION es_check_stream_head()`);
    await queryRunner.query(`DROP TABLE es_anchors`);
    await queryRunner.query(`DROP FUNCTION es_refuse_rewrite()`);
    await queryRunner.query(`DROP FUNCTION es_anchor(int)`);
    await queryRunner.query(
      `DROP FUNCTION es_append_streams(text[], text[], text[], int[], uuid[], text[], text[], text[])`,
    );
    await queryRunner.query(APPEND_STREAMS_FUNCTION_SQL);
    await queryRunner.query(APPEND_FUNCTION_SQL);
    await queryRunner.query(`ALTER TABLE es_streams DROP COLUMN head_hash`);
    await queryRunner.query(`ALTER TABLE es_events DROP COLUMN hash`);
    await queryRunner.query(`GRANT UPDATE, DELETE, TRUNCATE ON es_events TO current_user`);
    await queryRunner.query(`GRANT DELETE, TRUNCATE ON es_streams TO current_user`);
  }
}

interface HistoryRow {
  stream_id: string;
  stream_revision: string;
  type: string;
  data: unknown;
  metadata: unknown;
  time: string;
}

/** Hashes every event already written, stream by stream in revision order, and sets each stream's head. */
async function chainExistingHistory(queryRunner: QueryRunner): Promise<void> {
  let after: { stream: string; revision: string } | null = null;
  let previous = { stream: '', hash: GENESIS_HASH };
  for (;;) {
    const rows: HistoryRow[] = await queryRunner.query(
      `SELECT stream_id, stream_revision, type, data, metadata, ${CANONICAL_TIME_SQL} AS time FROM es_events
        WHERE $1::text IS NULL OR (stream_id, stream_revision) > ($1::text, $2::bigint)
        ORDER BY stream_id, stream_revision LIMIT ${BACKFILL_BATCH}`,
      [after?.stream ?? null, after?.revision ?? null],
    );
    if (rows.length === 0) return;
    const hashes: string[] = [];
    for (const row of rows) {
      const prior = row.stream_id === previous.stream ? previous.hash : GENESIS_HASH;
      const hash = eventHash(prior, {
        streamId: row.stream_id,
        revision: BigInt(row.stream_revision),
        type: row.type,
        data: row.data,
        metadata: row.metadata,
        time: row.time,
      });
      previous = { stream: row.stream_id, hash };
      hashes.push(hash.toString('hex'));
    }
    await queryRunner.query(
      `UPDATE es_events e SET hash = decode(u.hash, 'hex')
         FROM unnest($1::text[], $2::bigint[], $3::text[]) AS u(stream_id, revision, hash)
        WHERE e.stream_id = u.stream_id AND e.stream_revision = u.revision`,
      [rows.map((row) => row.stream_id), rows.map((row) => row.stream_revision), hashes],
    );
    const last = rows[rows.length - 1];
    after = { stream: last.stream_id, revision: last.stream_revision };
    await queryRunner.query(
      `UPDATE es_streams s SET head_hash = e.hash FROM es_events e
        WHERE e.stream_id = s.stream_id AND e.stream_revision = s.revision AND s.stream_id = ANY ($1::text[])`,
      [[...new Set(rows.map((row) => row.stream_id))]],
    );
  }
}

/**
 * `es_append_streams` of migration 1764900000000 with the chain: data and metadata arrive as RFC 8785
 * text, and each event's hash is SHA-256(the stream's head hash ‖ its canonical bytes), assembled here
 * as `{"data":…,"metadata":…,"revision":…,"streamId":…,"time":…,"type":…}`. The stream row, locked
 * anyway, carries the head hash, so no earlier event is read. The stream rows are updated after the
 * INSERT, in their own statement, so the head check (es_check_stream_head) sees the new events.
 */
export const CHAINED_APPEND_STREAMS_SQL = `
      CREATE FUNCTION es_append_streams(
        p_stream_ids text[], p_categories text[], p_expected text[],
        p_event_streams int[], p_event_ids uuid[], p_types text[], p_data text[], p_metadata text[])
      RETURNS TABLE (stream_name text, next_revision bigint, commit_position xid8, prepare_position bigint,
                     appended boolean)
      LANGUAGE plpgsql
      -- Every statement below looks rows up by key; see migration 1764900000000.
      SET enable_seqscan = off
      AS $fn$
      DECLARE
        v_streams int := cardinality(p_stream_ids);
        v_events int := cardinality(p_event_streams);
        v_revisions bigint[];
        v_heads bytea[];
        v_counts int[] := array_fill(0, ARRAY[v_streams]);
        v_existing int[] := array_fill(0, ARRAY[v_streams]);
        v_base bigint[];
        v_before int[] := array_fill(0, ARRAY[v_streams]);
        v_write boolean[] := array_fill(true, ARRAY[v_streams]);
        v_names text[];
        v_hashes bytea[];
        v_time text := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
        v_expected text;
        v_found int;
        v_si int;
        i int;
      BEGIN
        INSERT INTO es_streams AS s (stream_id, category, revision)
          SELECT u.id, u.category, -1 FROM unnest(p_stream_ids, p_categories) AS u(id, category)
           ORDER BY u.id
          ON CONFLICT ON CONSTRAINT es_streams_pkey DO NOTHING;
        -- Locked in stream-id order, read in the caller's order.
        SELECT array_agg(locked.revision ORDER BY u.n), array_agg(locked.head_hash ORDER BY u.n)
          INTO v_revisions, v_heads
          FROM unnest(p_stream_ids) WITH ORDINALITY AS u(id, n)
          JOIN (SELECT s.stream_id, s.revision, s.head_hash FROM es_streams s WHERE s.stream_id = ANY (p_stream_ids)
                 ORDER BY s.stream_id FOR UPDATE) locked ON locked.stream_id = u.id;
        v_base := v_revisions;

        FOR i IN 1 .. v_events LOOP
          v_counts[p_event_streams[i]] := v_counts[p_event_streams[i]] + 1;
        END LOOP;
        FOR i IN 2 .. v_streams LOOP
          v_before[i] := v_before[i - 1] + v_counts[i - 1];
        END LOOP;
        SELECT count(*) INTO v_found FROM es_events e WHERE e.event_id = ANY (p_event_ids);
        IF v_found > 0 THEN
          SELECT array_agg(coalesce(c.existing, 0) ORDER BY g.n) INTO v_existing
            FROM generate_series(1, v_streams) AS g(n)
            LEFT JOIN (SELECT ev.si, count(*)::int AS existing
                         FROM unnest(p_event_streams, p_event_ids) AS ev(si, id)
                         JOIN es_events e ON e.event_id = ev.id AND e.stream_id = p_stream_ids[ev.si]
                        GROUP BY ev.si) c ON c.si = g.n;
        END IF;

        FOR i IN 1 .. v_streams LOOP
          IF v_existing[i] = v_counts[i] THEN
            -- An idempotent retry: answer as the first time, from the last of its events.
            v_write[i] := false;
            RETURN QUERY SELECT p_stream_ids[i], v_revisions[i], e.transaction_id, e.global_position, false
              FROM es_events e
             WHERE e.stream_id = p_stream_ids[i]
               AND e.event_id = ANY (SELECT ev.id FROM unnest(p_event_streams, p_event_ids) AS ev(si, id)
                                      WHERE ev.si = i)
             ORDER BY e.stream_revision DESC LIMIT 1;
            CONTINUE;
          ELSIF v_existing[i] > 0 THEN
            RAISE EXCEPTION 'some events of this append are already in stream %', p_stream_ids[i]
              USING ERRCODE = 'ES002', HINT = i::text;
          END IF;
          v_expected := p_expected[i];
          IF (v_expected = 'no-stream' AND v_revisions[i] <> -1)
             OR (v_expected = 'stream-exists' AND v_revisions[i] = -1)
             OR (v_expected ~ '^[0-9]+$' AND v_revisions[i] <> v_expected::bigint) THEN
            RAISE EXCEPTION 'stream % is at revision %', p_stream_ids[i], v_revisions[i]
              USING ERRCODE = 'ES001', DETAIL = v_revisions[i]::text, HINT = i::text;
          END IF;
          v_revisions[i] := v_revisions[i] + v_counts[i];
        END LOOP;

        -- The chain: each written event's hash from its stream's head, in order. (The stream ids are
        -- unique: the caller merges a stream's events into one part.)
        SELECT array_agg(to_json(u.id)::text ORDER BY u.n) INTO v_names
          FROM unnest(p_stream_ids) WITH ORDINALITY AS u(id, n);
        v_hashes := array_fill(NULL::bytea, ARRAY[greatest(v_events, 1)]);
        FOR i IN 1 .. v_events LOOP
          v_si := p_event_streams[i];
          IF v_write[v_si] THEN
            v_heads[v_si] := sha256(v_heads[v_si] || convert_to(
              '{"data":' || p_data[i] || ',"metadata":' || p_metadata[i]
              || ',"revision":' || (v_base[v_si] + i - v_before[v_si])::text
              || ',"streamId":' || v_names[v_si] || ',"time":"' || v_time
              || '","type":' || to_json(p_types[i])::text || '}', 'UTF8'));
            v_hashes[i] := v_heads[v_si];
          END IF;
        END LOOP;

        -- An event's revision is its stream's base plus its place among them: n minus the number of
        -- events of the streams before it.
        RETURN QUERY
          WITH inserted AS (
            INSERT INTO es_events (event_id, stream_id, category, stream_revision, type, data, metadata,
                                   recorded_at, hash)
            SELECT ev.id, p_stream_ids[ev.si], p_categories[ev.si],
                   v_base[ev.si] + ev.n - v_before[ev.si],
                   ev.type, ev.data::jsonb, ev.metadata::jsonb, now(), ev.hash
              FROM unnest(p_event_streams, p_event_ids, p_types, p_data, p_metadata, v_hashes)
                   WITH ORDINALITY AS ev(si, id, type, data, metadata, hash, n)
             WHERE v_write[ev.si]
             ORDER BY ev.n
            RETURNING es_events.stream_id, es_events.stream_revision, es_events.transaction_id,
                      es_events.global_position
          )
          SELECT i.stream_id, max(i.stream_revision), (array_agg(i.transaction_id))[1], max(i.global_position), true
            FROM inserted i GROUP BY i.stream_id;
        UPDATE es_streams s SET revision = u.revision, head_hash = u.head
          FROM unnest(p_stream_ids, v_revisions, v_write, v_heads) AS u(id, revision, write, head)
         WHERE u.write AND s.stream_id = u.id;
      END
      $fn$`;

/**
 * The global chain of commits. Appends never touch it: one anchoring step at a time (the advisory
 * lock below, which appenders never take) takes the transactions that are settled — older than the
 * oldest transaction still running, the same horizon readAll keeps, so none can later commit in front —
 * in global order, and records for each `commit_hash = SHA-256(its events' hashes in position order)`
 * and `chain_hash = SHA-256(previous chain_hash ‖ commit_hash)`. At most p_max_commits per call;
 * answers how many it anchored.
 */
const ANCHOR_FUNCTION_SQL = `
      CREATE FUNCTION es_anchor(p_max_commits int) RETURNS int
      LANGUAGE plpgsql
      SET enable_seqscan = off
      AS $fn$
      DECLARE
        v_seq bigint := 0;
        v_after xid8 := '0'::xid8;
        v_chain bytea := ${GENESIS_SQL};
        v_count int := 0;
        r record;
      BEGIN
        -- One anchorer at a time. Not LOCK TABLE: its exclusive modes need the UPDATE privilege this
        -- migration revokes. (PGlite has one session, where anchoring is serial anyway; the primary key
        -- on seq refuses a second chain in any case.)
        PERFORM pg_advisory_xact_lock(hashtext('es_anchor'));
        SELECT a.seq, a.commit_position, a.chain_hash INTO v_seq, v_after, v_chain
          FROM es_anchors a ORDER BY a.seq DESC LIMIT 1;
        IF NOT FOUND THEN
          v_seq := 0; v_after := '0'::xid8; v_chain := ${GENESIS_SQL};
        END IF;
        FOR r IN
          SELECT e.transaction_id, max(e.global_position) AS last_position, count(*)::int AS event_count,
                 sha256(string_agg(e.hash, ''::bytea ORDER BY e.global_position)) AS commit_hash
            FROM es_events e
           WHERE e.transaction_id > v_after AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
           GROUP BY e.transaction_id ORDER BY e.transaction_id LIMIT p_max_commits
        LOOP
          v_seq := v_seq + 1;
          v_chain := sha256(v_chain || r.commit_hash);
          INSERT INTO es_anchors (seq, commit_position, last_position, event_count, commit_hash, chain_hash)
            VALUES (v_seq, r.transaction_id, r.last_position, r.event_count, r.commit_hash, v_chain);
          v_count := v_count + 1;
        END LOOP;
        RETURN v_count;
      END
      $fn$`;
