import { randomUUID } from 'node:crypto';
import { ConcurrencyError, IdempotencyConflictError } from '../errors';
import { EventStore } from '../event-store.port';
import { comparePositions } from '../global-position';
import { NewEvent, RecordedEvent } from '../recorded-event';

/** What an adapter's spec file hands the contract: a store, and a way to open a second one on the same data. */
export interface ContractContext {
  readonly store: EventStore;
  /** A new store instance on the same storage: a restarted process. */
  reopen(): Promise<EventStore>;
  dispose(): Promise<void>;
}

/** A category of its own for each test, so tests (and parallel runs on a shared server) never meet. */
function freshCategory(): string {
  return `t${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

function events(count: number, type = 'Tested', from = 0): NewEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    type,
    data: { n: from + index },
    metadata: { actor: { id: 'tester', role: 'system' }, correlationId: 'corr-1', causationId: 'cause-1', occurredAt: '2026-11-26T00:00:00.000Z' },
  }));
}

async function expectConcurrencyError(attempt: Promise<unknown>): Promise<ConcurrencyError> {
  const error = await attempt.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConcurrencyError);
  return error as ConcurrencyError;
}

/**
 * readAll once it shows at least `count` events. Reading all is gap-free, not immediate: on PostgreSQL an
 * event is handed out only when every transaction that began before it has ended, on the whole server, so
 * a test worker writing to another database on the same server can hold a fresh append back for a moment.
 */
async function readAllOnceVisible(store: EventStore, options: Parameters<EventStore['readAll']>[0], count: number): Promise<RecordedEvent[]> {
  const until = Date.now() + 10_000;
  for (;;) {
    const read = await store.readAll(options);
    if (read.length >= count || Date.now() > until) return read;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * One set of specs for every EventStore adapter: what the rest of the system relies on, stated once.
 */
export function describeEventStoreContract(label: string, open: () => Promise<ContractContext>): void {
  describe(`EventStore contract on ${label}`, () => {
    let context: ContractContext;
    let store: EventStore;

    beforeAll(async () => {
      context = await open();
      store = context.store;
    });
    afterAll(async () => {
      await context?.dispose();
    });

    describe('appending and reading a stream', () => {
      it('gives revisions from 0 and keeps type, data, metadata and the event id', async () => {
        const stream = `${freshCategory()}-1`;
        const eventId = randomUUID();
        const first = await store.append(stream, [{ ...events(1)[0], eventId }], { expectedState: 'no-stream' });
        const second = await store.append(stream, events(2, 'Tested', 1), { expectedState: 0n });

        expect(first.nextRevision).toBe(0n);
        expect(second.nextRevision).toBe(2n);
        expect(comparePositions(second.position, first.position)).toBeGreaterThan(0);
        const read = await store.readStream(stream);
        expect(read.map((event) => event.revision)).toEqual([0n, 1n, 2n]);
        expect(read[0]).toMatchObject({
          eventId,
          streamId: stream,
          type: 'Tested',
          data: { n: 0 },
          metadata: { actor: { id: 'tester', role: 'system' }, correlationId: 'corr-1', causationId: 'cause-1' },
        });
        expect(Number.isNaN(Date.parse(read[0].recordedAt))).toBe(false);
        expect(await store.streamRevision(stream)).toBe(2n);
      });

      it('reads forwards and backwards from a revision, with a limit', async () => {
        const stream = `${freshCategory()}-1`;
        await store.append(stream, events(10));

        const forwards = await store.readStream(stream, { fromRevision: 3n, maxCount: 4 });
        const backwards = await store.readStream(stream, { direction: 'backwards', fromRevision: 6n, maxCount: 3 });
        const lastOne = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });

        expect(forwards.map((event) => event.revision)).toEqual([3n, 4n, 5n, 6n]);
        expect(backwards.map((event) => event.revision)).toEqual([6n, 5n, 4n]);
        expect(lastOne.map((event) => event.revision)).toEqual([9n]);
      });

      it('reads an unknown stream as empty, with no revision', async () => {
        const stream = `${freshCategory()}-missing`;
        expect(await store.readStream(stream)).toEqual([]);
        expect(await store.streamRevision(stream)).toBeNull();
      });
    });

    describe('expected state', () => {
      it('no-stream refuses a stream that exists', async () => {
        const stream = `${freshCategory()}-1`;
        await store.append(stream, events(1), { expectedState: 'no-stream' });
        const error = await expectConcurrencyError(store.append(stream, events(1), { expectedState: 'no-stream' }));
        expect(error).toMatchObject({ streamId: stream, expected: 'no-stream', actual: 0n });
      });

      it('stream-exists refuses a stream that does not', async () => {
        const stream = `${freshCategory()}-1`;
        const error = await expectConcurrencyError(store.append(stream, events(1), { expectedState: 'stream-exists' }));
        expect(error).toMatchObject({ streamId: stream, expected: 'stream-exists', actual: 'no-stream' });
        await store.append(stream, events(1));
        await expect(store.append(stream, events(1), { expectedState: 'stream-exists' })).resolves.toMatchObject({ nextRevision: 1n });
      });

      it('a stale revision raises ConcurrencyError naming the stream, the expected and the actual revision', async () => {
        const stream = `${freshCategory()}-1`;
        await store.append(stream, events(3));
        const error = await expectConcurrencyError(store.append(stream, events(1), { expectedState: 1n }));
        expect(error).toMatchObject({ streamId: stream, expected: 1n, actual: 2n });
        expect(error.message).toContain(stream);
        expect(error.message).toContain('revision 1');
        expect(error.message).toContain('revision 2');
      });

      it('any appends whatever the state', async () => {
        const stream = `${freshCategory()}-1`;
        await store.append(stream, events(1), { expectedState: 'any' });
        await expect(store.append(stream, events(1), { expectedState: 'any' })).resolves.toMatchObject({ nextRevision: 1n });
      });
    });

    describe('atomicity and idempotency', () => {
      it('a multi-event append that fails leaves nothing behind', async () => {
        const stream = `${freshCategory()}-1`;
        await store.append(stream, events(1));
        const circular: Record<string, unknown> = {};
        circular.self = circular;
        const failing = [...events(2), { type: 'Broken', data: circular }];

        await expect(store.append(stream, failing)).rejects.toThrow();
        await expectConcurrencyError(store.append(stream, events(3), { expectedState: 5n }));

        expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0n]);
        expect(await store.streamRevision(stream)).toBe(0n);
      });

      it('appending the same event ids again writes nothing and answers as the first time', async () => {
        const stream = `${freshCategory()}-1`;
        const batch = events(3).map((event) => ({ ...event, eventId: randomUUID() }));
        const first = await store.append(stream, batch, { expectedState: 'no-stream' });
        const retry = await store.append(stream, batch, { expectedState: 'no-stream' });

        expect(first.appended).toBe(true);
        expect(retry).toMatchObject({ appended: false, nextRevision: first.nextRevision });
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('a retry that holds only part of an earlier append is refused, not half-applied', async () => {
        const stream = `${freshCategory()}-1`;
        const batch = events(2).map((event) => ({ ...event, eventId: randomUUID() }));
        await store.append(stream, batch);
        const mixed = [batch[1], { ...events(1)[0], eventId: randomUUID() }];

        await expect(store.append(stream, mixed)).rejects.toBeInstanceOf(IdempotencyConflictError);
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('appending to several streams at once', () => {
      it('writes every stream or none: one stale expectation leaves the others untouched', async () => {
        const category = freshCategory();
        await store.append(`${category}-selection`, events(1));
        await store.append(`${category}-dossier2`, events(2));

        const attempt = store.appendMany([
          { streamId: `${category}-selection`, events: events(1), expectedState: 0n },
          { streamId: `${category}-dossier1`, events: events(1), expectedState: 'no-stream' },
          { streamId: `${category}-dossier2`, events: events(1), expectedState: 0n },
        ]);
        const error = await expectConcurrencyError(attempt);
        expect(error).toMatchObject({ streamId: `${category}-dossier2`, expected: 0n, actual: 1n });
        expect(await store.streamRevision(`${category}-selection`)).toBe(0n);
        expect(await store.streamRevision(`${category}-dossier1`)).toBeNull();

        const results = await store.appendMany([
          { streamId: `${category}-selection`, events: events(1), expectedState: 0n },
          { streamId: `${category}-dossier1`, events: events(2), expectedState: 'no-stream' },
        ]);
        expect(results.map((result) => result.nextRevision)).toEqual([1n, 1n]);
        expect(await readAllOnceVisible(store, { category }, 6)).toHaveLength(6);
      });

      it('a multi-stream retry with the same event ids writes nothing and answers as the first time', async () => {
        const category = freshCategory();
        const appends = [
          { streamId: `${category}-selection`, events: events(2).map((event) => ({ ...event, eventId: randomUUID() })) },
          { streamId: `${category}-dossier1`, events: events(3).map((event) => ({ ...event, eventId: randomUUID() })) },
        ];
        const first = await store.appendMany(appends);
        const again = await store.appendMany(appends);
        expect(first.map((result) => [result.nextRevision, result.appended])).toEqual([[1n, true], [2n, true]]);
        expect(again.map((result) => [result.nextRevision, result.position, result.appended])).toEqual(
          first.map((result) => [result.nextRevision, result.position, false]),
        );
        expect(await readAllOnceVisible(store, { category }, 5)).toHaveLength(5);
      });
    });

    describe('concurrency', () => {
      it('20 writers racing with the same expected revision: exactly one wins per revision', async () => {
        const stream = `${freshCategory()}-hot`;
        await store.append(stream, events(1));
        for (let round = 0; round < 5; round += 1) {
          const expected = BigInt(round);
          const outcomes = await Promise.allSettled(
            Array.from({ length: 20 }, (_, writer) =>
              store.append(stream, [{ type: 'Raced', data: { round, writer } }], { expectedState: expected }),
            ),
          );
          const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
          const losers = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
          expect(winners).toHaveLength(1);
          expect(losers).toHaveLength(19);
          for (const loser of losers) {
            expect(loser.reason).toBeInstanceOf(ConcurrencyError);
            expect(loser.reason).toMatchObject({ expected, actual: expected + 1n });
          }
        }
        const revisions = (await store.readStream(stream)).map((event) => event.revision);
        expect(revisions).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
      });

      it('4 writers append 5,000 events to many streams while a subscriber runs: it gets each once, in one global order', async () => {
        const category = freshCategory();
        const received: RecordedEvent[] = [];
        const subscription = store.subscribe({
          category,
          after: await store.headPosition({ category }),
          batchSize: 200,
          handle: async (batch) => {
            received.push(...batch);
          },
        });

        const writtenIds = new Set<string>();
        const perWriter = 1250;
        await Promise.all(
          Array.from({ length: 4 }, async (_, writer) => {
            let written = 0;
            let round = 0;
            while (written < perWriter) {
              const size = Math.min(1 + ((writer + round) % 4), perWriter - written);
              const batch = events(size, 'Written', written).map((event) => ({ ...event, eventId: randomUUID() }));
              await store.append(`${category}-${writer}-${round % 25}`, batch);
              batch.forEach((event) => writtenIds.add(event.eventId));
              written += size;
              round += 1;
            }
          }),
        );

        await subscription.caughtUp();
        await subscription.stop();

        expect(writtenIds.size).toBe(5000);
        expect(received).toHaveLength(5000);
        expect(new Set(received.map((event) => event.eventId))).toEqual(writtenIds);
        for (let index = 1; index < received.length; index += 1) {
          expect(comparePositions(received[index].position, received[index - 1].position)).toBeGreaterThan(0);
        }
        // The order the live subscriber saw is the order any later reader sees.
        const replayed: RecordedEvent[] = [];
        let after = null as RecordedEvent['position'] | null;
        for (;;) {
          const page = await store.readAll({ category, after, maxCount: 1000 });
          if (page.length === 0) break;
          replayed.push(...page);
          after = page[page.length - 1].position;
        }
        expect(replayed.map((event) => event.eventId)).toEqual(received.map((event) => event.eventId));
        // Within each stream, revisions arrive in order.
        const lastRevision = new Map<string, bigint>();
        for (const event of received) {
          const previous = lastRevision.get(event.streamId) ?? -1n;
          expect(event.revision).toBe(previous + 1n);
          lastRevision.set(event.streamId, event.revision);
        }
      });
    });

    describe('reading all and by category', () => {
      it('reads several streams at once, each in revision order; unknown ids are absent', async () => {
        const category = freshCategory();
        await store.append(`${category}-a`, events(2, 'A'));
        await store.append(`${category}-b`, events(1, 'B'));
        await store.append(`${category}-a`, events(1, 'A', 2));
        const streams = await store.readStreams([`${category}-b`, `${category}-a`, `${category}-missing`, `${category}-a`]);
        expect([...streams.keys()].sort()).toEqual([`${category}-a`, `${category}-b`]);
        expect(streams.get(`${category}-a`)!.map((event) => event.revision)).toEqual([0n, 1n, 2n]);
        expect(streams.get(`${category}-a`)).toEqual(await store.readStream(`${category}-a`));
        expect(streams.get(`${category}-b`)!.map((event) => event.type)).toEqual(['B']);
        expect(await store.readStreams([])).toEqual(new Map());
      });

      it('lists the streams of a category whose id starts with a prefix, wildcards taken literally', async () => {
        const category = freshCategory();
        await store.append(`${category}-sel_1-x`, events(1));
        await store.append(`${category}-sel_1-y`, events(1));
        await store.append(`${category}-selA1-z`, events(1));
        await store.append(`${category}-sel_10-w`, events(1));
        expect(await store.listStreams(category, { prefix: `${category}-sel_1-` })).toEqual([
          `${category}-sel_1-x`,
          `${category}-sel_1-y`,
        ]);
        expect(await store.listStreams(category, { prefix: `${category}-sel%` })).toEqual([]);
      });

      it('reads a category in global order and pages with `after`', async () => {
        const category = freshCategory();
        const other = freshCategory();
        await store.append(`${category}-a`, events(2));
        await store.append(`${other}-a`, events(1));
        await store.append(`${category}-b`, events(2));

        const all = await readAllOnceVisible(store, { category }, 4);
        const firstPage = await store.readAll({ category, maxCount: 3 });
        const rest = await store.readAll({ category, after: firstPage[2].position });

        expect(all.map((event) => event.streamId)).toEqual([`${category}-a`, `${category}-a`, `${category}-b`, `${category}-b`]);
        expect([...firstPage, ...rest].map((event) => event.eventId)).toEqual(all.map((event) => event.eventId));
        const everything = await store.readAll({ after: null, maxCount: 100_000 });
        const ids = new Set(everything.map((event) => event.eventId));
        expect(all.every((event) => ids.has(event.eventId))).toBe(true);
      });
    });

    it('lists the streams of a category', async () => {
      const category = freshCategory();
      await store.append(`${category}-b`, events(1));
      await store.append(`${category}-a`, events(2));
      await store.append(`${freshCategory()}-a`, events(1));
      expect(await store.listStreams(category)).toEqual([`${category}-a`, `${category}-b`]);
      expect(await store.listStreams(freshCategory())).toEqual([]);
    });

    describe('subscriptions', () => {
      it('catches up from the start, then follows live appends', async () => {
        const category = freshCategory();
        await store.append(`${category}-1`, events(3));
        const seen: number[] = [];
        const subscription = store.subscribe({
          category,
          after: null,
          handle: async (batch) => {
            seen.push(...batch.map((event) => (event.data as { n: number }).n));
          },
        });
        await subscription.caughtUp();
        expect(seen).toEqual([0, 1, 2]);

        const live = await store.append(`${category}-2`, events(2, 'Tested', 3));
        await subscription.waitFor(live.position, 10_000);
        await subscription.stop();
        expect(seen).toEqual([0, 1, 2, 3, 4]);
      });

      it('a subscriber stopped mid-way resumes from its stored checkpoint with no loss or duplicate', async () => {
        const category = freshCategory();
        for (let stream = 0; stream < 10; stream += 1) await store.append(`${category}-${stream}`, events(30));
        const subscriptionId = `resume-${category}`;
        const seen: string[] = [];

        const first = store.subscribe({
          subscriptionId,
          category,
          batchSize: 25,
          handle: async (batch) => {
            seen.push(...batch.map((event) => event.eventId));
            if (seen.length >= 100) void first.stop();
          },
        });
        await first.done;
        const seenBeforeStop = seen.length;
        expect(seenBeforeStop).toBeGreaterThanOrEqual(100);
        expect(seenBeforeStop).toBeLessThan(300);

        const restarted = await context.reopen();
        const second = restarted.subscribe({
          subscriptionId,
          category,
          batchSize: 25,
          handle: async (batch) => {
            seen.push(...batch.map((event) => event.eventId));
          },
        });
        await second.caughtUp();
        await second.stop();

        const all = await store.readAll({ category, maxCount: 1000 });
        expect(seen).toEqual(all.map((event) => event.eventId));
        expect(new Set(seen).size).toBe(300);
        await restarted.close();
      });

      it('a handler that throws ends the subscription and rejects its waiters, without moving the checkpoint', async () => {
        const category = freshCategory();
        const written = await store.append(`${category}-1`, events(2));
        const subscriptionId = `failing-${category}`;
        const subscription = store.subscribe({
          subscriptionId,
          category,
          handle: async () => {
            throw new Error('projection broke');
          },
        });
        await expect(subscription.waitFor(written.position, 10_000)).rejects.toThrow('projection broke');
        await expect(subscription.done).rejects.toThrow('projection broke');

        const seen: RecordedEvent[] = [];
        const retry = store.subscribe({ subscriptionId, category, handle: async (batch) => void seen.push(...batch) });
        await retry.caughtUp();
        await retry.stop();
        expect(seen).toHaveLength(2);
      });
    });
  });
}
