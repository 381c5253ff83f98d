import { Client } from 'pg';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createPool } from '@app/database';
import { PostgresEventStore } from '@app/event-store';
import type { RecordedEvent } from '@app/event-store';
import { EVENT_STORE_SCHEMA } from '@app/platform/prepare-database';
import { createTestDatabase, testDatabaseKinds, TestDatabase } from '../../../test/support/test-databases';
import type { Projection } from './projection';
import { loadCheckpoint } from './projection-checkpoints';
import { ProjectionRunner } from './projection-runner';
import { READ_MODELS_SCHEMA } from './read-models.schema';
import { appendHistory, sampleHistory, snapshotReadModels } from './read-models.test-support';
import { selectionBoardProjection } from './selection-board/selection-board.projection';
import { expertPoolProjection } from './expert-pool/expert-pool.projection';
import { REQUIRED_KINDS, assigned, attached, drafted, passed, scored, submitted } from '@app/domain/dossier/dossier.test-support';
import type { EntityManager } from 'typeorm';

/** The projection, counting the statements it sends per batch. */
function counting(projection: Projection): Projection & { statements: number[] } {
  const counted = {
    ...projection,
    statements: [] as number[],
    async handle(events: readonly RecordedEvent[], manager: EntityManager) {
      let statements = 0;
      const watched = new Proxy(manager, {
        get: (target, property, receiver) =>
          property === 'query'
            ? (...args: Parameters<EntityManager['query']>) => {
                statements += 1;
                return target.query(...args);
              }
            : Reflect.get(target, property, receiver),
      });
      await projection.handle(events, watched);
      counted.statements.push(statements);
    },
  };
  return counted;
}

/** A plan's shape: many dossiers passed in one append, then five ExpertAssigned on each in one more. */
async function appendPlan(store: PostgresEventStore, dossierCount: number): Promise<void> {
  const ids = Array.from({ length: dossierCount }, (_, i) => `plan-${String(i).padStart(4, '0')}`);
  await store.appendMany(
    ids.map((id) => ({
      streamId: `dossier-${id}`,
      events: [drafted({ dossierId: id, title: `场景 ${id}` }), ...REQUIRED_KINDS.map((kind, i) => attached(kind, i + 1)), submitted(), passed()],
      expectedState: 'no-stream' as const,
    })),
  );
  await store.appendMany(
    ids.map((id, i) => ({
      streamId: `dossier-${id}`,
      events: [0, 1, 2, 3, 4].map((k) => ({ ...assigned(`e-${(i + k) % 40}`), data: { dossierId: id, expertId: `e-${(i + k) % 40}`, fieldMatch: true, assignedAt: '2026-04-15T02:00:00.000Z' } })),
      expectedState: 'stream-exists' as const,
    })),
  );
}

/**
 * Records every event it is given with a plain INSERT: a duplicate delivery fails the batch (primary
 * key), a lost one shows as a missing row.
 */
const ledger: Projection = {
  name: 'test-ledger',
  version: 1,
  tables: ['test_ledger'],
  async handle(events, manager) {
    for (const event of events) await manager.query('INSERT INTO test_ledger (event_id) VALUES ($1)', [event.eventId]);
  },
};

/** The selection board, failing once after writing part of the batch (a crash mid-batch). */
function failingOnce(projection: Projection, afterEvents: number): Projection & { failures: number } {
  const failing = {
    ...projection,
    failures: 0,
    async handle(events: readonly RecordedEvent[], manager: Parameters<Projection['handle']>[1]) {
      if (failing.failures === 0 && events.length > afterEvents) {
        await projection.handle(events.slice(0, afterEvents), manager);
        failing.failures += 1;
        throw new Error('the projector died mid-batch');
      }
      await projection.handle(events, manager);
    },
  };
  return failing;
}

for (const kind of testDatabaseKinds()) {
  describe(`the projector on ${kind}`, () => {
    let database: TestDatabase;
    let pool: Pool;
    let store: PostgresEventStore;
    let dataSource: DataSource;
    const runners: ProjectionRunner[] = [];

    const runner = (projections: Projection[] = [selectionBoardProjection, expertPoolProjection, ledger], batchSize = 7, log?: (line: string) => void) => {
      const created = new ProjectionRunner(store, dataSource, projections, { batchSize, retryDelayMs: 20, log });
      runners.push(created);
      return created;
    };
    const ledgerCount = async () => Number((await dataSource.query('SELECT count(*)::int AS n FROM test_ledger'))[0].n);
    const head = async () => (await store.headPosition()) as NonNullable<Awaited<ReturnType<PostgresEventStore['headPosition']>>>;

    beforeEach(async () => {
      database = await createTestDatabase(kind, [EVENT_STORE_SCHEMA, READ_MODELS_SCHEMA]);
      pool = createPool(database.url, 4);
      store = new PostgresEventStore(pool, { pollIntervalMs: 20 });
      dataSource = new DataSource({ type: 'postgres', url: database.url, poolSize: 4 });
      await dataSource.initialize();
      await dataSource.query('CREATE TABLE test_ledger (event_id text PRIMARY KEY)');
    });

    afterEach(async () => {
      for (const each of runners.splice(0)) await each.stop();
      await store.close();
      await dataSource.destroy();
      await pool.end();
      await database.drop();
    });

    it('builds the rows the streams fold to', async () => {
      const total = await appendHistory(store);
      await runner().catchUp();
      const rows = await snapshotReadModels(dataSource);
      expect(await ledgerCount()).toBe(total);
      expect(rows.rm_selections).toEqual([
        expect.objectContaining({ id: 'dataset-2026', phase: 'open', dossier_counts: { draft: 1, returned: 1, passed: 2 } }),
        expect.objectContaining({ id: 'demo-scenario-2026', phase: 'formal-review', dossier_counts: { draft: 2, returned: 2, passed: 4 } }),
        expect.objectContaining({ id: 'demo-scenario-2026-2', phase: 'published', dossier_counts: { awarded: 4, 'not-awarded': 3, rejected: 1 } }),
      ]);
      expect(rows.rm_dossiers.find((row) => (row as { id: string }).id === 'd-2')).toMatchObject({
        status: 'passed',
        approved_investment_fen: '2000000',
        assigned_count: 2,
        scored_count: 1,
      });
      expect(rows.rm_expert_assignments.filter((row) => (row as { dossier_id: string }).dossier_id === 'd-3')).toEqual([
        { selection_id: 'demo-scenario-2026', dossier_id: 'd-3', expert_id: 'e-2', status: 'assigned', scored: true },
        { selection_id: 'demo-scenario-2026', dossier_id: 'd-3', expert_id: 'e-3', status: 'assigned', scored: true },
      ]);
    });

    it('keeps the outcome of a published year: scoreboard, ranked shortlist with reserves, objections, awards, experts', async () => {
      await appendHistory(store);
      await runner().catchUp();
      const rows = await snapshotReadModels(dataSource);
      const ofYear = <T extends { selection_id: string }>(table: unknown[]) => (table as T[]).filter((row) => row.selection_id === 'demo-scenario-2026-2');
      const scoreboard = ofYear<{ selection_id: string; dossier_id: string; score_count: number; title: string; totals: unknown[] }>(rows.rm_scoreboard);
      expect(scoreboard).toHaveLength(7); // the rejected one never reached review
      expect(scoreboard.every((row) => row.score_count === 5 && row.totals.length === 5 && row.title.startsWith('场景'))).toBe(true);
      const shortlist = ofYear<{ selection_id: string; dossier_id: string; standing: string; rank: number }>(rows.rm_shortlist_entries);
      // s2 dropped after its objection was upheld; the first reserve s5 moved up.
      expect(shortlist.filter((row) => row.standing === 'selected').map((row) => row.dossier_id).sort()).toEqual(
        ['demo-scenario-s1', 'demo-scenario-s3', 'demo-scenario-s4', 'demo-scenario-s5'],
      );
      expect(shortlist.some((row) => row.dossier_id === 'demo-scenario-s2')).toBe(false);
      const objections = ofYear<{ selection_id: string; dossier_id: string; status: string }>(rows.rm_objections);
      expect(objections.map((row) => [row.dossier_id, row.status]).sort()).toEqual([
        ['demo-scenario-s2', 'upheld'],
        ['demo-scenario-s3', 'dismissed'],
      ]);
      const awards = ofYear<{ selection_id: string; dossier_id: string; awarded: boolean; paid_fen: string | null; decision: string | null }>(rows.rm_awards);
      expect(awards.filter((row) => row.awarded)).toHaveLength(4);
      expect(awards.filter((row) => row.awarded).every((row) => row.decision === 'paid' && Number(row.paid_fen) > 0)).toBe(true);
      expect(awards.filter((row) => !row.awarded).map((row) => row.dossier_id).sort()).toEqual(['demo-scenario-s2', 'demo-scenario-s6', 'demo-scenario-s7']);
      expect(rows.rm_experts).toHaveLength(8);
      expect(rows.rm_selections.find((row) => (row as { id: string }).id === 'demo-scenario-2026-2')).toMatchObject({ phase: 'published' });
    });

    it('gives identical rows when the history is replayed twice, and ignores a batch it already has', async () => {
      await appendHistory(store);
      const first = runner();
      await first.catchUp();
      const once = await snapshotReadModels(dataSource);
      await first.handleBatch(await store.readAll()); // the same events again: the position guard skips them
      expect(await snapshotReadModels(dataSource)).toEqual(once);
      await first.reset();
      await first.catchUp();
      expect(await snapshotReadModels(dataSource)).toEqual(once);
    });

    it('resumes after a batch that died midway, with no event lost or applied twice', async () => {
      const total = await appendHistory(store);
      const clean = runner();
      await clean.catchUp();
      const expected = await snapshotReadModels(dataSource);
      await clean.reset();

      const failing = failingOnce(selectionBoardProjection, 3);
      const live = runner([failing, expertPoolProjection, ledger], 10);
      await live.start();
      expect(await live.waitFor(await head(), 10_000)).toBe(true);
      expect(failing.failures).toBe(1);
      expect(await ledgerCount()).toBe(total);
      expect(await snapshotReadModels(dataSource)).toEqual(expected);
    });

    it('picks up where a stopped projector left off', async () => {
      const appends = sampleHistory();
      const half = Math.floor(appends.length / 2);
      const firstHalf = await appendHistory(store, appends.slice(0, half));
      const first = runner();
      await first.start();
      expect(await first.waitFor(await head(), 10_000)).toBe(true);
      await first.stop();
      expect(await ledgerCount()).toBe(firstHalf);

      const total = firstHalf + (await appendHistory(store, appends.slice(half)));
      const second = runner();
      await second.start();
      expect(await second.waitFor(await head(), 10_000)).toBe(true);
      expect(await ledgerCount()).toBe(total);
      const live = await snapshotReadModels(dataSource);

      await second.stop();
      await second.reset();
      await second.catchUp();
      expect(await snapshotReadModels(dataSource)).toEqual(live);
    });

    it('equals, rebuilt from zero, the rows it kept live while the events were written', async () => {
      const live = runner();
      await live.start();
      await appendHistory(store);
      expect(await live.waitFor(await head(), 10_000)).toBe(true);
      const rows = await snapshotReadModels(dataSource);
      await live.stop();

      await live.reset(['selection-board', 'expert-pool']);
      expect(Object.values(await snapshotReadModels(dataSource)).every((table) => table.length === 0)).toBe(true);
      await live.catchUp();
      expect(await snapshotReadModels(dataSource)).toEqual(rows);
    });

    it('rebuilds a projection whose version changed, and only that one', async () => {
      const total = await appendHistory(store);
      await runner().catchUp();
      const rows = await snapshotReadModels(dataSource);
      await dataSource.query("UPDATE rm_selections SET title = 'stale'");

      const seen: number[] = [];
      const bumped: Projection = {
        ...selectionBoardProjection,
        version: selectionBoardProjection.version + 1,
        handle: async (events, manager) => {
          seen.push(events.length);
          await selectionBoardProjection.handle(events, manager);
        },
      };
      const lines: string[] = [];
      const next = runner([bumped, ledger], 500, (line) => lines.push(line));
      await next.start();
      expect(await next.waitFor(await head(), 10_000)).toBe(true);
      expect(lines.join('\n')).toContain(`version ${selectionBoardProjection.version} → ${selectionBoardProjection.version + 1}`);
      expect(await snapshotReadModels(dataSource)).toEqual(rows);
      const boardEvents = sampleHistory()
        .filter(([streamId]) => /^(selection|dossier)-/.test(streamId))
        .reduce((sum, [, events]) => sum + events.length, 0);
      expect(seen.reduce((a, b) => a + b, 0)).toBe(boardEvents); // only its own categories
      expect(await ledgerCount()).toBe(total); // the ledger kept its rows and was not fed again
      expect(await loadCheckpoint(dataSource.manager, 'selection-board')).toMatchObject({ version: selectionBoardProjection.version + 1, position: await head() });
    });

    // PGlite is one session: a transaction there holds every other connection, so only the server can
    // have commits behind the read horizon while catchUp reads.
    if (kind === 'postgres') {
      it('catches up to the head while an older transaction elsewhere on the server holds the last commits back', async () => {
        const older = new Client({ connectionString: database.url });
        await older.connect();
        try {
          await older.query('BEGIN');
          await older.query('SELECT pg_current_xact_id()');
          const total = await appendHistory(store);
          const caughtUp = runner().catchUp();
          await new Promise((resolve) => setTimeout(resolve, 200));
          await older.query('COMMIT');
          await caughtUp;
          expect(await ledgerCount()).toBe(total);
        } finally {
          await older.end();
        }
      });
    }

    it('given a plan-sized append, when projected, then each batch costs a few statements whatever the dossiers it touches, and the rows equal those built event by event', async () => {
      await appendPlan(store, 300); // 2,100 + 1,500 events, 300 dossiers per batch of 500
      const board = counting(selectionBoardProjection);
      await runner([board], 500).catchUp();
      const rows = await snapshotReadModels(dataSource);
      expect(rows.rm_expert_assignments).toHaveLength(1500);
      expect(rows.rm_dossiers.every((row) => (row as { assigned_count: number }).assigned_count === 5)).toBe(true);
      // Per batch: the folded rows, one upsert, two deletes, two inserts, the recount (one row at a time was eight per dossier).
      expect(board.statements.length).toBeGreaterThan(1);
      expect(Math.max(...board.statements)).toBeLessThanOrEqual(8);

      const slow = runner([selectionBoardProjection], 7);
      await slow.reset();
      await slow.catchUp();
      expect(await snapshotReadModels(dataSource)).toEqual(rows);
    });

    it('given waiters, when the projector keeps committing batches, then it keeps them waiting past the stall limit, and lets them go when it stops moving', async () => {
      await appendPlan(store, 6); // 72 events: twelve batches of 6
      const paced: Projection = {
        name: 'paced',
        version: 1,
        tables: [],
        handle: () => new Promise((resolve) => setTimeout(resolve, 250)),
      };
      const live = runner([paced], 6);
      const target = await head();
      const started = Date.now();
      await live.start();
      // Twelve batches of 250 ms: three seconds in all, never a second without progress.
      expect(await live.waitFor(target, 1000)).toBe(true);
      expect(Date.now() - started).toBeGreaterThan(2500);

      const stalled = runner([{ ...paced, name: 'stalled', handle: () => new Promise((resolve) => setTimeout(resolve, 5000)) }], 500);
      await stalled.start();
      // The target read before: on PGlite every query waits for the stalled batch's transaction.
      expect(await stalled.waitFor(target, 300)).toBe(false);
    });

    it('given a projection that fails a batch after the board remembered it, when retried, then the rows equal a clean build (the memory went with the rollback)', async () => {
      const total = await appendHistory(store);
      await runner([selectionBoardProjection, expertPoolProjection, ledger], 500).catchUp();
      const expected = await snapshotReadModels(dataSource);
      await runners[0].reset();

      // Fails once, on the first batch holding a score: the board has already evolved and remembered it.
      let failures = 0;
      const breaker: Projection = {
        name: 'breaker',
        version: 1,
        tables: [],
        async handle(events) {
          if (failures === 0 && events.some((event) => event.type === 'ScoreSubmitted')) {
            failures += 1;
            throw new Error('the projector died after the board');
          }
        },
      };
      const live = runner([selectionBoardProjection, expertPoolProjection, ledger, breaker], 5);
      await live.start();
      expect(await live.waitFor(await head(), 10_000)).toBe(true);
      expect(failures).toBe(1);
      expect(await ledgerCount()).toBe(total);
      expect(await snapshotReadModels(dataSource)).toEqual(expected);
    });

    it('given two runners taking turns at the batches, when each moves the checkpoints past the other, then neither trusts what it remembered and the rows equal a clean build', async () => {
      await appendHistory(store);
      await runner().catchUp();
      const expected = await snapshotReadModels(dataSource);
      await runners[0].reset();

      const [one, other] = [runner(), runner()];
      const events = await store.readAll({ maxCount: 10_000 });
      for (let start = 0, turn = 0; start < events.length; start += 3, turn += 1) await (turn % 2 === 0 ? one : other).handleBatch(events.slice(start, start + 3));
      expect(await snapshotReadModels(dataSource)).toEqual(expected);
    });

    it('given a score on a dossier of its last batch, when projected, then the batch costs BEGIN, one statement for every checkpoint, one for the rows, and COMMIT', async () => {
      await appendPlan(store, 3);
      const live = runner([selectionBoardProjection, expertPoolProjection, ledger], 500);
      await live.catchUp();
      const before = await snapshotReadModels(dataSource);
      await store.append('dossier-plan-0001', [scored('e-2')], { expectedState: 'stream-exists' });
      // An older transaction elsewhere on a shared server may hold the new event behind the read horizon a moment.
      let batch = await store.readAll({ after: live.position, maxCount: 10 });
      while (batch.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        batch = await store.readAll({ after: live.position, maxCount: 10 });
      }
      expect(batch.map((event) => event.type)).toEqual(['ScoreSubmitted']);

      const sent: string[] = [];
      const query = Client.prototype.query;
      Client.prototype.query = function counted(this: Client, ...args: unknown[]) {
        sent.push(typeof args[0] === 'string' ? args[0].trim().split(/\s+/)[0] : 'query');
        return (query as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof Client.prototype.query;
      try {
        await live.handleBatch(batch);
      } finally {
        Client.prototype.query = query;
      }
      // The ledger's own INSERT is the fifth; the board read nothing back and wrote one statement.
      expect(sent).toEqual(['START', 'WITH', 'WITH', 'INSERT', 'COMMIT']);

      const after = await snapshotReadModels(dataSource);
      const scoredRow = (rows: typeof before) => rows.rm_expert_assignments.filter((row) => (row as { dossier_id: string }).dossier_id === 'plan-0001');
      expect(scoredRow(after).filter((row) => (row as { scored: boolean }).scored).map((row) => (row as { expert_id: string }).expert_id)).toEqual(['e-2']);
      expect(after.rm_dossiers.find((row) => (row as { id: string }).id === 'plan-0001')).toMatchObject({ scored_count: 1 });
      const rebuilt = runner([selectionBoardProjection, expertPoolProjection, ledger], 7);
      await rebuilt.reset();
      await rebuilt.catchUp();
      expect(await snapshotReadModels(dataSource)).toEqual(after);
    });

    it('answers waitFor with false when the position is not reached in time', async () => {
      const idle = runner();
      await idle.start();
      expect(await idle.waitFor({ commit: 10n ** 15n, prepare: 0n }, 50)).toBe(false);
    });
  });
}
