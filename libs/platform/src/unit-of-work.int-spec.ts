import type { Pool } from 'pg';
import { createPool } from '@app/database';
import { PostgresEventStore, PostgresSnapshotStore } from '@app/event-store';
import type { Decider } from '@app/domain/shared/decider';
import { refuse } from '@app/domain/shared/refusal';
import { createTestDatabase, testDatabaseKinds, TestDatabase } from '../../../test/support/test-databases';
import { EVENT_STORE_SCHEMA } from './prepare-database';
import { StaleRevisionError } from './stale-revision.error';
import { CommandContext, runCommand } from './unit-of-work';

// A seat counter: the smallest decider with a rule that depends on the state it read.
type SeatCommand = { type: 'TakeSeat'; data: { by: string } };
type SeatEvent = { type: 'SeatTaken'; data: { by: string } };
type SeatState = { taken: string[]; capacity: number };
const seats: Decider<SeatCommand, SeatEvent, SeatState> = {
  initialState: () => ({ taken: [], capacity: 3 }),
  decide: (command, state) => {
    if (state.taken.length >= state.capacity) throw refuse('full', `all ${state.capacity} seats are taken`);
    return [{ type: 'SeatTaken', data: { by: command.data.by } }];
  },
  evolve: (state, event) => ({ ...state, taken: [...state.taken, event.data.by] }),
};

const context = (ifMatch?: bigint): CommandContext => ({
  metadata: { now: '2026-11-26T08:00:00.000Z', actor: { id: 'user-1', role: 'admin' } },
  correlationId: 'req-1',
  ifMatch,
});

for (const kind of testDatabaseKinds()) {
  describe(`the command path on ${kind}`, () => {
    let database: TestDatabase;
    let pool: Pool;
    let store: PostgresEventStore;

    beforeAll(async () => {
      database = await createTestDatabase(kind, [EVENT_STORE_SCHEMA]);
      pool = createPool(database.url, 8);
      store = new PostgresEventStore(pool);
    });
    afterAll(async () => {
      await store.close();
      await pool.end();
      await database.drop();
    });

    const take = (stream: string, by: string, ifMatch?: bigint) =>
      runCommand(store, 'TakeSeat', context(ifMatch), (unit) => unit.decide(stream, seats, { type: 'TakeSeat', data: { by } }), { stream });

    it('records actor, correlation and causation ids, and the command clock, on every event', async () => {
      const result = await take('room-meta', 'ann');
      const [event] = await store.readStream('room-meta');
      expect(result.revisions.get('room-meta')).toBe(0n);
      expect(event.metadata).toMatchObject({
        actor: { id: 'user-1', role: 'admin' },
        correlationId: 'req-1',
        occurredAt: '2026-11-26T08:00:00.000Z',
        command: 'TakeSeat',
      });
      expect(typeof event.metadata.causationId).toBe('string');
    });

    it('without If-Match, concurrent commands are retried and the rule is checked on fresh state: never more than capacity', async () => {
      const outcomes = await Promise.allSettled(['a', 'b', 'c', 'd', 'e', 'f'].map((by) => take('room-race', by)));
      const taken = (await store.readStream('room-race')).map((event) => (event.data as { by: string }).by);
      expect(taken).toHaveLength(3);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(3);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect(String(outcome.reason)).toMatch(/seats are taken|expected at/);
      }
    });

    it('streams read together (loadMany) are each appended with the revision read: a rival on one of them fails the whole command', async () => {
      await take('rooms-many-1', 'ann');
      await take('rooms-many-3', 'bob');
      let rival: Promise<unknown> | null = null;
      let attempts = 0;
      const attempt = runCommand(store, 'TakeSeats', context(), async (unit) => {
        const rooms = await unit.loadMany(['rooms-many-1', 'rooms-many-2', 'rooms-many-3'], seats);
        attempts += 1;
        expect([...rooms.entries()].map(([id, room]) => [id, room.revision, room.state.taken.length])).toEqual([
          ['rooms-many-1', 0n, 1],
          ['rooms-many-2', null, 0],
          ['rooms-many-3', BigInt(attempts - 1), attempts],
        ]);
        for (const id of rooms.keys()) await unit.decide(id, seats, { type: 'TakeSeat', data: { by: 'cat' } });
        // Another writer takes a seat in room 3 after it was read, every time: no attempt may commit.
        rival = take('rooms-many-3', `dan-${Math.random()}`);
        await rival;
      }, { maxAttempts: 2 });
      await expect(attempt).rejects.toThrow(/rooms-many-3 was expected at revision/);
      expect(await store.streamRevision('rooms-many-1')).toBe(0n);
      expect(await store.streamRevision('rooms-many-2')).toBeNull();
      expect(rival).not.toBeNull();
      expect(attempts).toBe(2);
    });

    it('a decider with a snapshot fold loads the stored snapshot and the events after it, and stores the new fold', async () => {
      const snapshots = new PostgresSnapshotStore(pool);
      const snapshotted: Decider<SeatCommand, SeatEvent, SeatState> = { ...seats, snapshot: { fold: 'seats', version: 1 } };
      const takeKept = (by: string) =>
        runCommand(store, 'TakeSeat', context(), (unit) => unit.decide('room-kept', snapshotted, { type: 'TakeSeat', data: { by } }), { snapshots });
      await take('room-kept', 'ann');
      await take('room-kept', 'bob');
      // A snapshot at revision 0 that says more than the event there: only a load from it can see "zoe".
      await snapshots.save({ streamId: 'room-kept', fold: 'seats', version: 1 }, { revision: 0n, state: { taken: ['zoe'], capacity: 2 } });
      await expect(takeKept('cat')).rejects.toThrow(/all 2 seats are taken/);
      expect(await snapshots.load({ streamId: 'room-kept', fold: 'seats', version: 1 })).toEqual({ revision: 1n, state: { taken: ['zoe', 'bob'], capacity: 2 } });
      // Another fold version has no snapshot: the whole stream is folded, and kept under that version.
      const v2: Decider<SeatCommand, SeatEvent, SeatState> = { ...seats, snapshot: { fold: 'seats', version: 2 } };
      await runCommand(store, 'TakeSeat', context(), (unit) => unit.decide('room-kept', v2, { type: 'TakeSeat', data: { by: 'cat' } }), { snapshots });
      expect((await store.readStream('room-kept')).map((event) => (event.data as { by: string }).by)).toEqual(['ann', 'bob', 'cat']);
      expect(await snapshots.load({ streamId: 'room-kept', fold: 'seats', version: 2 })).toEqual({ revision: 1n, state: { taken: ['ann', 'bob'], capacity: 3 } });
    });

    it('with a stale If-Match the command is refused as stale, and nothing is written', async () => {
      await take('room-etag', 'ann');
      await take('room-etag', 'bob');
      await expect(take('room-etag', 'cat', 0n)).rejects.toBeInstanceOf(StaleRevisionError);
      await expect(take('room-etag', 'cat', 0n)).rejects.toThrow(/changed since you loaded it.*"0".*"1"/);
      expect(await store.streamRevision('room-etag')).toBe(1n);
      await expect(take('room-etag', 'cat', 1n)).resolves.toMatchObject({ revisions: new Map([['room-etag', 2n]]) });
    });

    it('a command that decides on two streams writes both or neither', async () => {
      await take('room-two-b', 'x');
      await take('room-two-b', 'y');
      await take('room-two-b', 'z');
      const both = runCommand(store, 'TakeSeats', context(), async (unit) => {
        await unit.decide('room-two-a', seats, { type: 'TakeSeat', data: { by: 'ann' } });
        await unit.decide('room-two-b', seats, { type: 'TakeSeat', data: { by: 'ann' } });
      });
      await expect(both).rejects.toThrow('all 3 seats are taken');
      expect(await store.streamRevision('room-two-a')).toBeNull();
    });
  });
}
