import type { Pool } from 'pg';
import { createPool } from '@app/database';
import { createTestDatabase, testDatabaseKinds, TestDatabase } from '../../../../test/support/test-databases';
import { eventStoreMigrations } from '../postgres/event-store.migrations';
import { PostgresSnapshotStore } from './postgres-snapshot-store';

const eventStoreSchema = { tableName: 'es_migrations', migrations: eventStoreMigrations };

for (const kind of testDatabaseKinds()) {
  describe(`snapshots beside the streams on ${kind}`, () => {
    let database: TestDatabase;
    let pool: Pool;
    let snapshots: PostgresSnapshotStore;

    beforeAll(async () => {
      database = await createTestDatabase(kind, [eventStoreSchema]);
      pool = createPool(database.url, 2);
      snapshots = new PostgresSnapshotStore(pool);
    });
    afterAll(async () => {
      await pool.end();
      await database.drop();
    });

    const key = (version = 1) => ({ streamId: 'selection-demo-2026', fold: 'selection', version });

    it('given no snapshot, when one is saved, then it is read back with its revision and state', async () => {
      expect(await snapshots.load(key())).toBeNull();
      await snapshots.save(key(), { revision: 7n, state: { phase: 'expert-review', ids: ['d-1', 'd-2'] } });
      expect(await snapshots.load(key())).toEqual({ revision: 7n, state: { phase: 'expert-review', ids: ['d-1', 'd-2'] } });
    });

    it('given a later revision kept, when an earlier one is saved (a slower reader), then the later one stays', async () => {
      await snapshots.save(key(), { revision: 9n, state: { at: 9 } });
      await snapshots.save(key(), { revision: 8n, state: { at: 8 } });
      expect(await snapshots.load(key())).toEqual({ revision: 9n, state: { at: 9 } });
    });

    it('given a snapshot of fold version 1, when version 2 loads, then there is none, and its save replaces it', async () => {
      expect(await snapshots.load(key(2))).toBeNull();
      await snapshots.save(key(2), { revision: 3n, state: { at: 3, folded: 'v2' } });
      expect(await snapshots.load(key(2))).toEqual({ revision: 3n, state: { at: 3, folded: 'v2' } });
      expect(await snapshots.load(key(1))).toBeNull();
      const { rows } = await pool.query("SELECT count(*)::int AS n FROM es_snapshots WHERE stream_id = 'selection-demo-2026'");
      expect(rows[0].n).toBe(1);
    });
  });
}
