import { Client } from 'pg';
import type { Pool } from 'pg';
import { createPool } from '@app/database';
import { PostgresEventStore } from '@app/event-store';
import type { NewEvent } from '@app/event-store';
import { EVENT_STORE_SCHEMA } from '@app/platform/prepare-database';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-databases';
import { withReadAhead } from './read-ahead';

const event = (n: number): NewEvent => ({ type: 'Noted', data: { n }, metadata: {} });

/** The statements sent by every pg client while `work` runs. */
async function statementsOf(work: () => Promise<unknown>): Promise<number> {
  let sent = 0;
  const query = Client.prototype.query;
  Client.prototype.query = function counted(this: Client, ...args: unknown[]) {
    sent += 1;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
  try {
    await work();
  } finally {
    Client.prototype.query = query;
  }
  return sent;
}

describe('a command\'s read-ahead', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeEach(async () => {
    database = await createTestDatabase('pglite', [EVENT_STORE_SCHEMA]);
    pool = createPool(database.url, 2);
    store = new PostgresEventStore(pool);
    await store.append('note-a', [event(1), event(2)]);
    await store.append('note-b', [event(3)]);
  });

  afterEach(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  it('given the streams a command reads whole, when it reads them, then one query answers all, each as the store has it', async () => {
    const ahead = withReadAhead(store, ['note-a', 'note-b', 'note-missing']);
    let read: unknown[] = [];
    const sent = await statementsOf(async () => {
      read = await Promise.all([ahead.readStream('note-a'), ahead.readStream('note-b'), ahead.readStream('note-missing')]);
    });
    expect(sent).toBe(1);
    expect(read).toEqual([await store.readStream('note-a'), await store.readStream('note-b'), []]);
  });

  it('given a stream read ahead, when it is read a second time, or with options, or after an append, then the store answers afresh', async () => {
    const ahead = withReadAhead(store, ['note-a', 'note-b']);
    await ahead.readStream('note-a');
    await store.append('note-a', [event(4)]);
    expect((await ahead.readStream('note-a')).map((recorded) => recorded.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 4 }]);
    expect((await ahead.readStream('note-b', { fromRevision: 0n })).map((recorded) => recorded.data)).toEqual([{ n: 3 }]);

    const retried = withReadAhead(store, ['note-a', 'note-b']);
    await retried.readStream('note-a'); // note-b is now held, as it was before the append
    await retried.appendMany([{ streamId: 'note-b', events: [event(5)], expectedState: 0n }]);
    expect((await retried.readStream('note-b')).map((recorded) => recorded.data)).toEqual([{ n: 3 }, { n: 5 }]);
  });
});
