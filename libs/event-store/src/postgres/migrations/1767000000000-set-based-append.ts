import { MigrationInterface, QueryRunner } from 'typeorm';
import { CHAINED_APPEND_STREAMS_SQL } from './1766000000000-hash-chain';

/**
 * The append at the limit of one `INSERT … SELECT FROM unnest(…)` (issue 15, point 4).
 *
 * `es_append_streams` keeps its signature, its answers and its refusals; what changes is the work per
 * stream and per event around the one INSERT:
 *
 * - No loop over the streams: locking, the per-stream event counts and offsets, the expected-state check
 *   and (when an event id is already stored) the idempotency check are one query each, for any number of
 *   streams. The only loop left is the hash chain's fold, one `sha256` per event, which is sequential by
 *   definition.
 * - The stream-head check is a statement trigger over the statement's transition tables (one trigger call
 *   and one query for all the streams an append moves) instead of a row trigger per stream.
 * - The foreign key from es_events to es_streams, whose check ran a query and took a row lock per event
 *   (a tenth of a 100-event append), is replaced by a statement trigger that checks every new event's
 *   stream row once per distinct stream. Stream rows cannot be deleted (es_streams_keep_rows), so checking
 *   at insert is all the key did.
 * - es_streams keeps half of each page free, so moving a stream head is a HOT update.
 * - (The adapter makes UUID v7 event ids, so new ids land at the right edge of the event-id index.)
 */
export class SetBasedAppend1767000000000 implements MigrationInterface {
  name = 'SetBasedAppend1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER es_streams_head_moves_forward ON es_streams`);
    await queryRunner.query(`DROP FUNCTION es_check_stream_head()`);
    await queryRunner.query(CHECK_STREAM_HEADS_SQL);
    await queryRunner.query(`
      CREATE TRIGGER es_streams_heads_move_forward AFTER UPDATE ON es_streams
        REFERENCING OLD TABLE AS old_heads NEW TABLE AS new_heads
        FOR EACH STATEMENT EXECUTE FUNCTION es_check_stream_heads()`);

    await queryRunner.query(CHECK_EVENT_STREAMS_SQL);
    await queryRunner.query(`
      CREATE TRIGGER es_events_stream_exists AFTER INSERT ON es_events
        REFERENCING NEW TABLE AS new_events
        FOR EACH STATEMENT EXECUTE FUNCTION es_check_event_streams()`);
    await queryRunner.query(`ALTER TABLE es_events DROP CONSTRAINT es_events_stream_id_fkey`);

    await queryRunner.query(
      `DROP FUNCTION es_append_streams(text[], text[], text[], int[], uuid[], text[], text[], text[])`,
    );
    await queryRunner.query(SET_BASED_APPEND_STREAMS_SQL);
    // Every append rewrites its stream rows; with room on their page the new version is a HOT update
    // (no new entry in either index of es_streams). At the default 100 only one in six was, and a
    // 100-stream append spent a fifth of its server time on those index entries. Pages written from
    // now on keep the room; those of a stored database fill as before until the table is rewritten.
    await queryRunner.query(`ALTER TABLE es_streams SET (fillfactor = 50)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE es_streams RESET (fillfactor)`);
    await queryRunner.query(
      `DROP FUNCTION es_append_streams(text[], text[], text[], int[], uuid[], text[], text[], text[])`,
    );
    await queryRunner.query(CHAINED_APPEND_STREAMS_SQL);

    await queryRunner.query(
      `ALTER TABLE es_events ADD CONSTRAINT es_events_stream_id_fkey FOREIGN KEY (stream_id) REFERENCES es_streams (stream_id)`,
    );
    await queryRunner.query(`DROP TRIGGER es_events_stream_exists ON es_events`);
    await queryRunner.query(`DROP FUNCTION es_check_event_streams()`);

    await queryRunner.query(`DROP TRIGGER es_streams_heads_move_forward ON es_streams`);
    await queryRunner.query(`DROP FUNCTION es_check_stream_heads()`);
    await queryRunner.query(ROW_CHECK_STREAM_HEAD_SQL);
    await queryRunner.query(`
      CREATE TRIGGER es_streams_head_moves_forward BEFORE UPDATE ON es_streams
        FOR EACH ROW EXECUTE FUNCTION es_check_stream_head()`);
  }
}

/** The row trigger's function exactly as migration 1766000000000 made it (for `down`). */
const ROW_CHECK_STREAM_HEAD_SQL = `
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
      $fn$`;

/**
 * A stream row only moves forward, to the revision and hash of an event that is in the table, and keeps
 * its id and category. Stream ids are the primary key, so the rows of the two transition tables pair by
 * id; a row whose id changed has no partner and is refused. Runs after the statement, once for all the
 * streams it moved.
 */
const CHECK_STREAM_HEADS_SQL = `
      CREATE FUNCTION es_check_stream_heads() RETURNS trigger LANGUAGE plpgsql
      SET enable_seqscan = off
      AS $fn$
      DECLARE
        v_refused text;
      BEGIN
        -- The event is looked up by a subquery per row, not a join: a join's plan, cached for the session,
        -- may have been made while es_events was empty, and would then read the whole table ever after.
        SELECT coalesce(n.stream_id, o.stream_id) INTO v_refused
          FROM new_heads n
          FULL JOIN old_heads o ON o.stream_id = n.stream_id
         WHERE n.stream_id IS NULL OR o.stream_id IS NULL OR n.category <> o.category OR n.revision < o.revision
            OR n.head_hash IS DISTINCT FROM (SELECT e.hash FROM es_events e
                                              WHERE e.stream_id = n.stream_id AND e.stream_revision = n.revision)
         LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'UPDATE on es_streams refused: a stream head only moves to its last appended event'
            USING ERRCODE = 'ES003', HINT = v_refused;
        END IF;
        RETURN NULL;
      END
      $fn$`;

/** Every event belongs to a stream row (what the foreign key checked), for a whole INSERT at once. */
const CHECK_EVENT_STREAMS_SQL = `
      CREATE FUNCTION es_check_event_streams() RETURNS trigger LANGUAGE plpgsql
      SET enable_seqscan = off
      AS $fn$
      DECLARE
        v_orphan text;
      BEGIN
        -- A subquery per stream id, not an anti-join (see es_check_stream_heads).
        SELECT n.stream_id INTO v_orphan FROM (SELECT DISTINCT e.stream_id FROM new_events e) n
         WHERE (SELECT true FROM es_streams s WHERE s.stream_id = n.stream_id) IS NULL
         LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'INSERT on es_events refused: stream % has no row in es_streams', v_orphan
            USING ERRCODE = '23503', DETAIL = format('Key (stream_id)=(%s) is not present in table "es_streams".', v_orphan);
        END IF;
        RETURN NULL;
      END
      $fn$`;

/**
 * The caller sends columns (see migration 1764900000000): the streams (id, category, expected state) in
 * its order, and the events (stream index, id, type, RFC 8785 data and metadata), each stream's events
 * contiguous and in order. Stream rows are locked in id order, so overlapping appends cannot deadlock.
 * A refusal names the stream by its 1-based index in HINT: ES002 for a retry holding only part of an
 * earlier append, ES001 for a broken expectation (DETAIL: the actual revision), the lowest index first.
 * An idempotent retry of a stream (all its event ids already in it) writes nothing there and answers
 * with the stream's revision and its last such event's position, as the first time.
 */
export const SET_BASED_APPEND_STREAMS_SQL = `
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
        v_base bigint[];
        v_heads bytea[];
        v_counts int[];
        v_before int[];
        v_names text[];
        v_write boolean[];
        v_hashes bytea[];
        v_time text := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
        v_partial int;
        v_broken int;
        v_si int;
      BEGIN
        -- A stream expected at a revision must exist already (if it does not, the expectation fails below
        -- with revision -1); the others get their row here, at -1, if they have none.
        IF v_streams = 1 THEN
          -- One stream, the common case (a command on one aggregate): no set to assemble.
          IF p_expected[1] !~ '^[0-9]+$' THEN
            INSERT INTO es_streams (stream_id, category, revision) VALUES (p_stream_ids[1], p_categories[1], -1)
              ON CONFLICT ON CONSTRAINT es_streams_pkey DO NOTHING;
          END IF;
          SELECT ARRAY[st.revision], ARRAY[st.head_hash] INTO v_base, v_heads
            FROM es_streams st WHERE st.stream_id = p_stream_ids[1] FOR UPDATE;
          IF NOT FOUND THEN
            v_base := ARRAY[-1::bigint];
          END IF;
          v_counts := ARRAY[v_events];
          v_before := ARRAY[0];
          v_names := ARRAY[to_json(p_stream_ids[1])::text];
        ELSE
          INSERT INTO es_streams AS s (stream_id, category, revision)
            SELECT u.id, u.category, -1 FROM unnest(p_stream_ids, p_categories, p_expected) AS u(id, category, expected)
             WHERE u.expected !~ '^[0-9]+$'
             ORDER BY u.id
            ON CONFLICT ON CONSTRAINT es_streams_pkey DO NOTHING;
          -- Locked in stream-id order, read in the caller's order, with each stream's event count and the
          -- number of events before its own (an event's revision is its base plus its place after those).
          SELECT array_agg(s.revision ORDER BY s.n), array_agg(s.head_hash ORDER BY s.n),
                 array_agg(s.events ORDER BY s.n), array_agg(s.before ORDER BY s.n),
                 array_agg(to_json(s.id)::text ORDER BY s.n)
            INTO v_base, v_heads, v_counts, v_before, v_names
            FROM (SELECT u.n, u.id, coalesce(locked.revision, -1) AS revision, locked.head_hash,
                         coalesce(c.events, 0) AS events,
                         coalesce(sum(c.events) OVER (ORDER BY u.n ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::int
                           AS before
                    FROM unnest(p_stream_ids) WITH ORDINALITY AS u(id, n)
                    LEFT JOIN (SELECT st.stream_id, st.revision, st.head_hash FROM es_streams st
                           WHERE st.stream_id = ANY (p_stream_ids) ORDER BY st.stream_id FOR UPDATE) locked
                      ON locked.stream_id = u.id
                    LEFT JOIN (SELECT ev.si, count(*)::int AS events FROM unnest(p_event_streams) AS ev(si)
                                GROUP BY ev.si) c ON c.si = u.n) s;
        END IF;
        v_write := array_fill(true, ARRAY[v_streams]);

        -- Idempotency costs one probe of the event-id index unless some id is already stored.
        IF EXISTS (SELECT 1 FROM es_events e WHERE e.event_id = ANY (p_event_ids)) THEN
          SELECT array_agg(coalesce(c.existing, 0) < v_counts[g.n] ORDER BY g.n),
                 min(g.n) FILTER (WHERE c.existing > 0 AND c.existing < v_counts[g.n])
            INTO v_write, v_partial
            FROM generate_series(1, v_streams) AS g(n)
            LEFT JOIN (SELECT ev.si, count(*)::int AS existing
                         FROM unnest(p_event_streams, p_event_ids) AS ev(si, id)
                         JOIN es_events e ON e.event_id = ev.id AND e.stream_id = p_stream_ids[ev.si]
                        WHERE e.event_id = ANY (p_event_ids)
                        GROUP BY ev.si) c ON c.si = g.n;
        END IF;
        IF v_streams = 1 THEN
          IF v_write[1] AND ((p_expected[1] = 'no-stream' AND v_base[1] <> -1)
                             OR (p_expected[1] = 'stream-exists' AND v_base[1] = -1)
                             OR (p_expected[1] ~ '^[0-9]+$' AND v_base[1] <> p_expected[1]::bigint)) THEN
            v_broken := 1;
          END IF;
        ELSE
          SELECT min(u.n) INTO v_broken
            FROM unnest(p_expected) WITH ORDINALITY AS u(expected, n)
           WHERE v_write[u.n]
             AND ((u.expected = 'no-stream' AND v_base[u.n] <> -1)
               OR (u.expected = 'stream-exists' AND v_base[u.n] = -1)
               OR (u.expected ~ '^[0-9]+$' AND v_base[u.n] <> u.expected::bigint));
        END IF;
        IF v_partial IS NOT NULL AND (v_broken IS NULL OR v_partial < v_broken) THEN
          RAISE EXCEPTION 'some events of this append are already in stream %', p_stream_ids[v_partial]
            USING ERRCODE = 'ES002', HINT = v_partial::text;
        ELSIF v_broken IS NOT NULL THEN
          RAISE EXCEPTION 'stream % is at revision %', p_stream_ids[v_broken], v_base[v_broken]
            USING ERRCODE = 'ES001', DETAIL = v_base[v_broken]::text, HINT = v_broken::text;
        END IF;

        -- Idempotent retries answer as the first time, from the last of their events.
        IF NOT (true = ALL (v_write)) THEN
          RETURN QUERY SELECT DISTINCT ON (ev.si) p_stream_ids[ev.si], v_base[ev.si], e.transaction_id,
                              e.global_position, false
            FROM unnest(p_event_streams, p_event_ids) AS ev(si, id)
            JOIN es_events e ON e.event_id = ev.id
           WHERE NOT v_write[ev.si] AND e.event_id = ANY (p_event_ids)
           ORDER BY ev.si, e.stream_revision DESC;
          IF NOT (true = ANY (v_write)) THEN
            RETURN;
          END IF;
        END IF;

        -- The chain, a fold per stream: each written event's hash from its stream's head, in order.
        v_hashes := array_fill(NULL::bytea, ARRAY[greatest(v_events, 1)]);
        FOR i IN 1 .. v_events LOOP
          v_si := p_event_streams[i];
          CONTINUE WHEN NOT v_write[v_si];
          v_heads[v_si] := sha256(v_heads[v_si] || convert_to(
            '{"data":' || p_data[i] || ',"metadata":' || p_metadata[i]
            || ',"revision":' || (v_base[v_si] + i - v_before[v_si])::text
            || ',"streamId":' || v_names[v_si] || ',"time":"' || v_time
            || '","type":' || to_json(p_types[i])::text || '}', 'UTF8'));
          v_hashes[i] := v_heads[v_si];
        END LOOP;

        -- One INSERT for every event, then one UPDATE for every stream head (its check sees the events).
        RETURN QUERY
          WITH inserted AS (
            INSERT INTO es_events (event_id, stream_id, category, stream_revision, type, data, metadata,
                                   recorded_at, hash)
            SELECT ev.id, p_stream_ids[ev.si], p_categories[ev.si], v_base[ev.si] + ev.n - v_before[ev.si],
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
        IF v_streams = 1 THEN
          UPDATE es_streams s SET revision = v_base[1] + v_events, head_hash = v_heads[1]
           WHERE s.stream_id = p_stream_ids[1];
        ELSE
          UPDATE es_streams s SET revision = u.base + u.events, head_hash = u.head
            FROM unnest(p_stream_ids, v_base, v_counts, v_write, v_heads) AS u(id, base, events, write, head)
           WHERE u.write AND s.stream_id = u.id;
        END IF;
      END
      $fn$`;
