import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `es_append_streams`: one append to any number of streams in one round trip and one INSERT.
 *
 * The caller sends columns, not a document: the streams (id, category, expected state, as arrays
 * in the caller's order) and the events (id, type, data, metadata, and the 1-based index of the
 * stream each belongs to, in order). The function locks every stream row in stream-id order (two
 * appends to overlapping streams cannot deadlock), settles idempotency and the expected state of
 * each stream, then writes every event with one `INSERT … SELECT FROM unnest(…)` and every new
 * revision with one `UPDATE … FROM unnest(…)`. A refusal names the stream by its index in HINT.
 * The events of one stream must be contiguous, in order; rows come back one per stream, by name.
 *
 * `es_append` (the first migration) stays for callers of the old signature. The migration also
 * indexes stream ids for prefix listing (`listStreams(category, { prefix })`).
 */
/** The function as this migration made it (the hash-chain migration's `down` restores it). */
export const APPEND_STREAMS_FUNCTION_SQL = `
      CREATE FUNCTION es_append_streams(
        p_stream_ids text[], p_categories text[], p_expected text[],
        p_event_streams int[], p_event_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[])
      RETURNS TABLE (stream_name text, next_revision bigint, commit_position xid8, prepare_position bigint,
                     appended boolean)
      LANGUAGE plpgsql
      -- Every statement below looks rows up by key. PL/pgSQL caches its plans per session, and a plan
      -- made while the tables were small (a scan of a few pages) would keep scanning them whole as they
      -- grow: keep the planner on the indexes.
      SET enable_seqscan = off
      AS $fn$
      DECLARE
        v_streams int := cardinality(p_stream_ids);
        v_revisions bigint[];
        v_counts int[] := array_fill(0, ARRAY[v_streams]);
        v_existing int[] := array_fill(0, ARRAY[v_streams]);
        v_base bigint[];
        v_before int[] := array_fill(0, ARRAY[v_streams]);
        v_write boolean[] := array_fill(true, ARRAY[v_streams]);
        v_expected text;
        v_found int;
        i int;
      BEGIN
        INSERT INTO es_streams AS s (stream_id, category, revision)
          SELECT u.id, u.category, -1 FROM unnest(p_stream_ids, p_categories) AS u(id, category)
           ORDER BY u.id
          ON CONFLICT ON CONSTRAINT es_streams_pkey DO NOTHING;
        -- Locked in stream-id order, read in the caller's order.
        SELECT array_agg(locked.revision ORDER BY u.n) INTO v_revisions
          FROM unnest(p_stream_ids) WITH ORDINALITY AS u(id, n)
          JOIN (SELECT s.stream_id, s.revision FROM es_streams s WHERE s.stream_id = ANY (p_stream_ids)
                 ORDER BY s.stream_id FOR UPDATE) locked ON locked.stream_id = u.id;
        v_base := v_revisions;

        FOR i IN 1 .. cardinality(p_event_streams) LOOP
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

        -- Events of one stream are contiguous and in order, so an event's revision is its stream's base
        -- plus its place among them: n minus the number of events of the streams before it.
        -- (The stream ids are unique: the caller merges a stream's events into one part.)
        RETURN QUERY
          WITH inserted AS (
            INSERT INTO es_events (event_id, stream_id, category, stream_revision, type, data, metadata)
            SELECT ev.id, p_stream_ids[ev.si], p_categories[ev.si],
                   v_base[ev.si] + ev.n - v_before[ev.si],
                   ev.type, ev.data, ev.metadata
              FROM unnest(p_event_streams, p_event_ids, p_types, p_data, p_metadata)
                   WITH ORDINALITY AS ev(si, id, type, data, metadata, n)
             WHERE v_write[ev.si]
             ORDER BY ev.n
            RETURNING es_events.stream_id, es_events.stream_revision, es_events.transaction_id,
                      es_events.global_position
          ), updated AS (
            UPDATE es_streams s SET revision = u.revision
              FROM unnest(p_stream_ids, v_revisions, v_write) AS u(id, revision, write)
             WHERE u.write AND s.stream_id = u.id
          )
          SELECT i.stream_id, max(i.stream_revision), (array_agg(i.transaction_id))[1], max(i.global_position), true
            FROM inserted i GROUP BY i.stream_id;
      END
      $fn$`;

export class AppendStreams1764900000000 implements MigrationInterface {
  name = 'AppendStreams1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(APPEND_STREAMS_FUNCTION_SQL);
    // listStreams by prefix (the dossiers of one selection) without reading the whole category.
    await queryRunner.query(`CREATE INDEX es_streams_id_prefix ON es_streams (stream_id text_pattern_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX es_streams_id_prefix`);
    await queryRunner.query(`DROP FUNCTION es_append_streams(text[], text[], text[], int[], uuid[], text[], jsonb[], jsonb[])`);
  }
}
