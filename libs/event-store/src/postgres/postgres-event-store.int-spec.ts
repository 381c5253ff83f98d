import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createPool } from '@app/database';
import { createTestDatabase, testDatabaseKinds, TestDatabase } from '../../../../test/support/test-databases';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { ConcurrencyError, DuplicateEventIdError, TransactionAbortedError } from '../errors';
import { RecordedEvent } from '../recorded-event';
import { eventStoreMigrations } from './event-store.migrations';
import { PostgresEventStore } from './postgres-event-store';

const eventStoreSchema = { tableName: 'es_migrations', migrations: eventStoreMigrations };
/** One event appended inside the caller's own transaction, as the adapter's call does. */
const APPEND_ONE = `SELECT * FROM es_append_streams(ARRAY[$1::text], ARRAY[$2::text], ARRAY['any'], ARRAY[1], ARRAY[$3::uuid],
  ARRAY[$4::text], ARRAY['{}'], ARRAY['{}'])`;

for (const kind of testDatabaseKinds()) {
  describeEventStoreContract(kind === 'pglite' ? 'PGlite' : 'the PostgreSQL server', async () => {
    const database = await createTestDatabase(kind, [eventStoreSchema]);
    const pools: Pool[] = [];
    const openStore = () => {
      const pool = createPool(database.url, 8);
      pools.push(pool);
      return new PostgresEventStore(pool, { pollIntervalMs: 50 });
    };
    const store = openStore();
    return {
      store,
      reopen: async () => openStore(),
      dispose: async () => {
        await store.close();
        await Promise.all(pools.map((pool) => pool.end()));
        await database.drop();
      },
    };
  });

  describe(`PostgreSQL adapter specifics on ${kind}`, () => {
    let database: TestDatabase;
    let pool: Pool;
    let store: PostgresEventStore;

    beforeAll(async () => {
      database = await createTestDatabase(kind, [eventStoreSchema]);
      pool = createPool(database.url, 4);
      store = new PostgresEventStore(pool, { pollIntervalMs: 50 });
    });
    afterAll(async () => {
      await store.close();
      await pool.end();
      await database.drop();
    });

    it('an append that fails on its second row (an event id used by another stream) writes none of its rows', async () => {
      const taken = randomUUID();
      await store.append('owner-1', [{ eventId: taken, type: 'Owned', data: {} }]);
      const attempt = store.append('victim-1', [
        { type: 'First', data: {} },
        { eventId: taken, type: 'Second', data: {} },
        { type: 'Third', data: {} },
      ]);

      await expect(attempt).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await store.readStream('victim-1')).toEqual([]);
      expect(await store.streamRevision('victim-1')).toBeNull();
    });

    // A deadlock needs two sessions, which PGlite (one session) cannot have: the server shows it.
    (kind === 'postgres' ? it : it.skip)('a deadlock (40P01) aborting an append is a ConcurrencyError that wrote nothing, so the command runner retries it', async () => {
      for (const id of ['deadlock-a', 'deadlock-b']) await store.append(id, [{ type: 'Seeded', data: {} }]);
      const other = await pool.connect();
      try {
        await other.query('BEGIN');
        // The other session waits long before it checks for a deadlock: the append is the one aborted.
        await other.query("SET LOCAL deadlock_timeout = '60s'");
        await other.query("SELECT 1 FROM es_streams WHERE stream_id = 'deadlock-b' FOR UPDATE");
        const attempt = store.appendMany([
          { streamId: 'deadlock-a', events: [{ type: 'Late', data: {} }], expectedState: 0n },
          { streamId: 'deadlock-b', events: [{ type: 'Late', data: {} }], expectedState: 0n },
        ]);
        const settled = attempt.catch((error: unknown) => error);
        // The append holds deadlock-a (streams are locked in id order) and waits for deadlock-b.
        while (Number((await pool.query("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")).rows[0].count) === 0) {
          await new Promise((resolve) => setImmediate(resolve));
        }
        const closing = other.query("SELECT 1 FROM es_streams WHERE stream_id = 'deadlock-a' FOR UPDATE");
        const error = await settled;
        await closing;
        await other.query('ROLLBACK');
        expect(error).toBeInstanceOf(TransactionAbortedError);
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ sqlState: '40P01', streamId: 'deadlock-a' });
      } finally {
        other.release();
      }
      expect(await store.streamRevision('deadlock-a')).toBe(0n);
      expect(await store.streamRevision('deadlock-b')).toBe(0n);
    });

    it('migrations can be rolled back and applied again', async () => {
      const { DataSource } = await import('typeorm');
      const dataSource = new DataSource({
        type: 'postgres',
        url: database.url,
        migrations: eventStoreMigrations,
        migrationsTableName: 'es_migrations',
        poolSize: 1,
      });
      await dataSource.initialize();
      try {
        await dataSource.undoLastMigration();
        const rowChecks = await dataSource.query(
          `SELECT to_regproc('es_check_stream_head') AS head, to_regproc('es_check_stream_heads') AS heads,
                  (SELECT count(*)::int FROM pg_constraint WHERE conname = 'es_events_stream_id_fkey') AS foreign_keys,
                  (SELECT reloptions FROM pg_class WHERE relname = 'es_streams') AS options`,
        );
        expect(rowChecks[0]).toEqual({ head: 'es_check_stream_head', heads: null, foreign_keys: 1, options: null });
        await dataSource.undoLastMigration();
        const chain = await dataSource.query(`SELECT to_regclass('es_anchors') AS anchors, to_regproc('es_append') AS append`);
        expect(chain[0]).toEqual({ anchors: null, append: 'es_append' });
        await dataSource.undoLastMigration();
        expect((await dataSource.query(`SELECT to_regclass('es_snapshots') AS snapshots`))[0].snapshots).toBeNull();
        await dataSource.undoLastMigration();
        const appendStreams = await dataSource.query(`SELECT to_regproc('es_append_streams') AS fn`);
        expect(appendStreams[0].fn).toBeNull();
        for (let undone = 4; undone < eventStoreMigrations.length; undone += 1) await dataSource.undoLastMigration();
        const tables = await dataSource.query(`SELECT to_regclass('es_events') AS events`);
        expect(tables[0].events).toBeNull();
        await dataSource.runMigrations();
        const again = await dataSource.query(`SELECT to_regclass('es_events') AS events`);
        expect(again[0].events).toBe('es_events');
      } finally {
        await dataSource.destroy();
      }
    });
  });
}

// The gap problem needs two sessions with overlapping transactions: PGlite has one shared session,
// so on it writes are serial and no gap can arise; on the server we provoke one deliberately.
const describeOnServer = process.env.DATABASE_URL ? describe : describe.skip;
describeOnServer('global order on the PostgreSQL server: the gap problem', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase('postgres', [eventStoreSchema]);
    pool = createPool(database.url, 6);
    store = new PostgresEventStore(pool, { pollIntervalMs: 20 });
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  it('a subscriber never skips an event whose transaction commits after a later event became visible', async () => {
    const slow = await pool.connect();
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribe({ category: 'gap', after: null, handle: async (batch) => void seen.push(...batch) });
    try {
      // The slow writer takes its transaction id and its sequence number first, then stalls.
      await slow.query('BEGIN');
      await slow.query(APPEND_ONE, ['gap-slow', 'gap', randomUUID(), 'Slow']);
      // A fast writer commits behind it: a later position, visible first.
      const fast = await store.append('gap-fast', [{ type: 'Fast', data: {} }]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(seen.map((event) => event.type)).toEqual([]);
      expect(await store.readAll({ category: 'gap' })).toEqual([]);

      await slow.query('COMMIT');
      await subscription.waitFor(fast.position, 10_000);
      expect(seen.map((event) => event.type)).toEqual(['Slow', 'Fast']);
    } finally {
      slow.release();
      await subscription.stop();
    }
  });

  it('an append of this process held back by an older open transaction reaches its subscriber when that transaction ends, not at the next poll', async () => {
    // A poll interval no test waits for: only the wake-up of this process's own append can deliver.
    const wakeOnly = new PostgresEventStore(pool, { pollIntervalMs: 600_000 });
    const older = await pool.connect();
    const seen: RecordedEvent[] = [];
    const subscription = wakeOnly.subscribe({ category: 'held', after: null, handle: async (batch) => void seen.push(...batch) });
    try {
      // Any transaction holding an id (here, of this database) keeps later commits out of readAll.
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');
      const held = await wakeOnly.append('held-1', [{ type: 'Held', data: {} }]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(seen).toEqual([]); // woken, read, found nothing yet

      await older.query('COMMIT');
      await subscription.waitFor(held.position, 10_000);
      expect(seen.map((event) => event.type)).toEqual(['Held']);
    } finally {
      older.release();
      await subscription.stop();
      await wakeOnly.close();
    }
  });

  it('a transaction that rolls back leaves no hole that stalls readers', async () => {
    const aborted = await pool.connect();
    try {
      await aborted.query('BEGIN');
      await aborted.query(APPEND_ONE, ['hole-aborted', 'hole', randomUUID(), 'Aborted']);
      const kept = await store.append('hole-kept', [{ type: 'Kept', data: {} }]);
      await aborted.query('ROLLBACK');

      // Other suites' transactions on the same server hold the read horizon back for a moment (xids are
      // server-wide): read until the commit shows or 10 s pass. A hole left by the rollback would stall
      // the reader for good, and the assertion below fails.
      let read = await store.readAll({ category: 'hole' });
      for (const deadline = Date.now() + 10_000; read.length === 0 && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        read = await store.readAll({ category: 'hole' });
      }
      expect(read.map((event) => event.type)).toEqual(['Kept']);
      expect(read[0].position).toEqual(kept.position);
    } finally {
      aborted.release();
    }
  });
});
