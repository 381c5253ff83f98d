import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Pool } from 'pg';
import { createPool, runMigrations } from '@app/database';
import { createTestDatabase, testDatabaseKinds, TestDatabase } from '../../../../test/support/test-databases';
import { CANONICAL_TIME_SQL, GENESIS_HASH, eventHash } from '../chain/event-chain';
import { eventStoreMigrations } from './event-store.migrations';
import { PostgresChainAuditor } from './postgres-chain-auditor';
import { PostgresEventStore } from './postgres-event-store';

const eventStoreSchema = { tableName: 'es_migrations', migrations: eventStoreMigrations };

/** Data that JSON.stringify and RFC 8785 write differently, and strings PostgreSQL must escape as JCS does. */
const awkward = {
  z: 1,
  a: { y: [3, 2.5, 1e21, 0.1 + 0.2, -0, 1e-7], b: '引号"与\\反斜杠\n\u0001', é: true },
  '10': null,
  '€': 'x',
};

/** Every stored hash recomputed in Node from the row (the standalone check the auditor also does). */
async function recomputeAll(pool: Pool): Promise<{ stored: string[]; recomputed: string[] }> {
  const { rows } = await pool.query(
    `SELECT stream_id, stream_revision, type, data, metadata, ${CANONICAL_TIME_SQL} AS time, hash
       FROM es_events ORDER BY stream_id, stream_revision`,
  );
  const stored: string[] = [];
  const recomputed: string[] = [];
  let stream = '';
  let previous = GENESIS_HASH;
  for (const row of rows) {
    if (row.stream_id !== stream) [stream, previous] = [row.stream_id, GENESIS_HASH];
    previous = eventHash(previous, { ...row, streamId: row.stream_id, revision: Number(row.stream_revision) });
    stored.push(row.hash.toString('hex'));
    recomputed.push(previous.toString('hex'));
  }
  return { stored, recomputed };
}

for (const kind of testDatabaseKinds()) {
  describe(`the hash chain on ${kind}`, () => {
    let database: TestDatabase;
    let pool: Pool;
    let store: PostgresEventStore;
    let auditor: PostgresChainAuditor;

    beforeAll(async () => {
      database = await createTestDatabase(kind, [eventStoreSchema]);
      pool = createPool(database.url, 4);
      store = new PostgresEventStore(pool, { pollIntervalMs: 50 });
      auditor = new PostgresChainAuditor(pool);
      await store.append('dossier-chain-1', [
        { type: 'DossierDrafted', data: awkward, metadata: { actor: { id: 'u1', role: 'applicant' } } },
        { type: 'ScoreSubmitted', data: { expertId: 'e1', total: 81 }, metadata: { actor: { id: 'e1', role: 'expert' } } },
      ]);
      await store.appendMany([
        { streamId: 'dossier-chain-1', events: [{ type: 'ScoreSubmitted', data: { expertId: 'e2', total: 77 } }] },
        { streamId: 'selection-"引号"\t流', events: [{ type: 'Type "with" quotes\u0002', data: [1, 'two', { c: 3, b: 2 }] }] },
      ]);
    });
    afterAll(async () => {
      await store.close();
      await pool.end();
      await database.drop();
    });

    it('each stored hash is SHA-256(previous ‖ RFC 8785 bytes), recomputable outside the database', async () => {
      const { stored, recomputed } = await recomputeAll(pool);
      expect(stored).toHaveLength(4);
      expect(recomputed).toEqual(stored);
      const heads = await pool.query(
        `SELECT s.stream_id FROM es_streams s JOIN es_events e ON e.stream_id = s.stream_id AND e.stream_revision = s.revision
          WHERE e.hash = s.head_hash`,
      );
      expect(heads.rows).toHaveLength(2);
    });

    it.each([
      ['UPDATE es_events', `UPDATE es_events SET data = '{"total": 100}' WHERE type = 'ScoreSubmitted'`],
      ['DELETE FROM es_events', `DELETE FROM es_events WHERE type = 'ScoreSubmitted'`],
      ['TRUNCATE es_events', `TRUNCATE es_events CASCADE`],
      ['DELETE FROM es_streams', `DELETE FROM es_streams`],
      ['TRUNCATE es_streams', `TRUNCATE es_streams CASCADE`],
      ['moving a stream head back', `UPDATE es_streams SET revision = 0 WHERE stream_id = 'dossier-chain-1'`],
      ['a stream head with another hash', `UPDATE es_streams SET head_hash = '\\x00' WHERE stream_id = 'dossier-chain-1'`],
      ['renaming a stream', `UPDATE es_streams SET stream_id = 'dossier-chain-9' WHERE stream_id = 'dossier-chain-1'`],
      ['swapping two stream heads in one statement', `UPDATE es_streams s SET revision = o.revision, head_hash = o.head_hash
         FROM es_streams o WHERE o.stream_id <> s.stream_id`],
      ['UPDATE es_anchors', `UPDATE es_anchors SET chain_hash = '\\x00'`],
      ['DELETE FROM es_anchors', `DELETE FROM es_anchors`],
    ])('%s is refused, even for a superuser', async (_, statement) => {
      await auditor.anchor();
      await expect(pool.query(statement)).rejects.toMatchObject({ code: 'ES003' });
      const { stored } = await recomputeAll(pool);
      expect(stored).toHaveLength(4);
    });

    it('an event written by hand for a stream that has no row is refused, as the foreign key did', async () => {
      const attempt = pool.query(
        `INSERT INTO es_events (event_id, stream_id, category, stream_revision, type, data, metadata, hash)
         VALUES ($1, 'dossier-nowhere', 'dossier', 0, 'Forged', '{}', '{}', '\\x00')`,
        [randomUUID()],
      );
      await expect(attempt).rejects.toMatchObject({ code: '23503' });
      const { stored } = await recomputeAll(pool);
      expect(stored).toHaveLength(4);
    });

    it('verification passes on an untouched history and anchors every commit in global order', async () => {
      const report = await auditor.verify();
      expect(report).toMatchObject({ intact: true, events: 4, streams: 2, firstBreak: null, brokenEvents: 0 });
      // On a shared server an older transaction elsewhere may hold the last commits behind the horizon.
      expect(report.commits + report.unanchoredCommits).toBe(2);
      expect(report.head?.seq ?? 0).toBe(report.commits);
      const anchors = await pool.query(`SELECT event_count FROM es_anchors ORDER BY seq`);
      expect(anchors.rows.map((row) => row.event_count)).toEqual([2, 2].slice(0, report.commits));
    });

    it('a score edited in the table by a superuser who disables the trigger is found at exactly that event', async () => {
      const target = await store.append('dossier-chain-2', [
        { type: 'ScoreSubmitted', data: { expertId: 'e3', total: 60 } },
        { type: 'ScoreSubmitted', data: { expertId: 'e4', total: 62 } },
        { type: 'ScoreAmended', data: { expertId: 'e3', total: 64 } },
      ]);
      await auditor.anchor();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('ALTER TABLE es_events DISABLE TRIGGER es_events_append_only');
        await client.query(
          `UPDATE es_events SET data = jsonb_set(data, '{total}', '95') WHERE stream_id = 'dossier-chain-2' AND stream_revision = 1`,
        );
        await client.query('ALTER TABLE es_events ENABLE TRIGGER es_events_append_only');
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      const edited = (await store.readStream('dossier-chain-2'))[1];
      expect(edited.data).toEqual({ expertId: 'e4', total: 95 });

      const report = await auditor.verify();
      expect(report.intact).toBe(false);
      expect(report.firstBreak).toMatchObject({
        kind: 'event-hash-mismatch',
        streamId: 'dossier-chain-2',
        revision: 1,
        eventId: edited.eventId,
        type: 'ScoreSubmitted',
        position: `${edited.position.commit}/${edited.position.prepare}`,
      });
      expect(report.firstBreak?.stored).not.toBe(report.firstBreak?.recomputed);
      // Its successor differs only through it; its own link to the stored predecessor still holds.
      expect(report.brokenEvents).toBe(2);
      expect(target.nextRevision).toBe(2n);
    });
  });

  describe(`chaining an existing history once, on ${kind}`, () => {
    it('the migration hashes every event written before the chain, and the chain goes on from there', async () => {
      // A database as it was before the chain: the migrated copy with the chain migration and those after
      // it rolled back (cheaper than migrating a second template, and it runs their down and up with rows).
      const database = await createTestDatabase(kind, [eventStoreSchema]);
      const { DataSource } = await import('typeorm');
      const migrator = new DataSource({ type: 'postgres', url: database.url, migrations: eventStoreMigrations, migrationsTableName: 'es_migrations', poolSize: 1 });
      await migrator.initialize();
      const chainMigration = eventStoreMigrations.findIndex((migration) => migration.name === 'HashChain1766000000000');
      for (let undone = chainMigration; undone < eventStoreMigrations.length; undone += 1) await migrator.undoLastMigration();
      await migrator.destroy();
      const pool = createPool(database.url, 2);
      try {
        for (const [stream, type] of [['selection-old-1', 'SelectionOpened'], ['dossier-old-1', 'DossierDrafted'], ['selection-old-1', 'SubmissionsClosed']]) {
          await pool.query(
            `SELECT * FROM es_append_streams(ARRAY[$1::text], ARRAY[split_part($1, '-', 1)], ARRAY['any'], ARRAY[1],
               ARRAY[$2::uuid], ARRAY[$3::text], ARRAY[$4::jsonb], ARRAY['{"actor": {"role": "admin", "id": "a"}}'::jsonb])`,
            [stream, randomUUID(), type, JSON.stringify(awkward)],
          );
        }
        await runMigrations(database.url, eventStoreSchema);
        const store = new PostgresEventStore(pool);
        await store.append('selection-old-1', [{ type: 'ReviewClosed', data: { n: 1 } }], { expectedState: 1n });

        const { stored, recomputed } = await recomputeAll(pool);
        expect(stored).toHaveLength(4);
        expect(recomputed).toEqual(stored);
        const report = await new PostgresChainAuditor(pool).verify();
        expect(report).toMatchObject({ intact: true, events: 4 });
        expect(report.commits + report.unanchoredCommits).toBe(4);
        await store.close();
      } finally {
        await pool.end();
        await database.drop();
      }
    });
  });
}

const describeOnServer = process.env.DATABASE_URL ? describe : describe.skip;
describeOnServer('the global chain with concurrent writers on the PostgreSQL server', () => {
  it('8 writers on different streams, anchoring while they write: every commit once, in global order', async () => {
    const database = await createTestDatabase('postgres', [eventStoreSchema]);
    const pool = createPool(database.url, 10);
    const store = new PostgresEventStore(pool);
    const auditor = new PostgresChainAuditor(pool);
    try {
      let writing = true;
      const anchoring = (async () => {
        while (writing) await auditor.anchor();
      })();
      await Promise.all(
        Array.from({ length: 8 }, async (_, writer) => {
          for (let append = 0; append < 40; append += 1) {
            await store.append(`dossier-w${writer}-${append % 5}`, [{ type: 'ScoreSubmitted', data: { writer, append } }]);
          }
        }),
      );
      writing = false;
      await anchoring;
      // Commits held behind the horizon by an older transaction elsewhere on the server are anchored once it ends.
      while ((await auditor.verify()).unanchoredCommits > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      const report = await auditor.verify();
      expect(report).toMatchObject({ intact: true, events: 320, commits: 320, unanchoredCommits: 0 });
      const order = await pool.query(
        `SELECT bool_and(a.commit_position > p.commit_position) AS increasing FROM es_anchors a
           JOIN es_anchors p ON p.seq = a.seq - 1`,
      );
      expect(order.rows[0].increasing).toBe(true);
    } finally {
      await store.close();
      await pool.end();
      await database.drop();
    }
  });

  it('migrated by a role that is not a superuser, the owner itself may not UPDATE, DELETE or TRUNCATE the events, and still appends', async () => {
    const serverUrl = process.env.DATABASE_URL as string;
    const suffix = randomBytes(4).toString('hex');
    const [role, name] = [`es_owner_${suffix}`, `test_owned_${suffix}`];
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN`);
    await admin.query(`CREATE DATABASE ${name} OWNER ${role}`);
    const url = new URL(serverUrl);
    url.username = role;
    url.pathname = `/${name}`;
    const pool = createPool(url.toString(), 2);
    try {
      await runMigrations(url.toString(), eventStoreSchema);
      const { rows } = await pool.query(
        `SELECT has_table_privilege('es_events', 'UPDATE') AS update, has_table_privilege('es_events', 'DELETE') AS delete,
                has_table_privilege('es_events', 'TRUNCATE') AS truncate, has_table_privilege('es_events', 'INSERT') AS insert,
                has_table_privilege('es_streams', 'DELETE') AS streams_delete, has_table_privilege('es_anchors', 'UPDATE') AS anchors_update`,
      );
      expect(rows[0]).toEqual({ update: false, delete: false, truncate: false, insert: true, streams_delete: false, anchors_update: false });
      const store = new PostgresEventStore(pool);
      await store.append('dossier-owned-1', [{ type: 'DossierDrafted', data: { title: '示例' } }]);
      await expect(pool.query(`DELETE FROM es_events`)).rejects.toMatchObject({ code: '42501' });
      const report = await new PostgresChainAuditor(pool).verify();
      expect(report).toMatchObject({ intact: true, events: 1 });
      expect(report.commits + report.unanchoredCommits).toBe(1);
      await store.close();
    } finally {
      await pool.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  });
});
