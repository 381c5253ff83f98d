import fc from 'fast-check';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createPool } from '@app/database';
import { PostgresEventStore } from '@app/event-store';
import { fundStreamOf } from '@app/domain/awards';
import { summariseFunds } from '@app/domain/funds';
import type { FundMeasureCode, LedgerLine, MeasureBudget } from '@app/domain/funds';
import { EVENT_STORE_SCHEMA } from '@app/platform/prepare-database';
import { createTestDatabase, testDatabaseKinds, TestDatabase } from '../../../../test/support/test-databases';
import { ProjectionRunner } from '../projection-runner';
import { FundLedgerReadModel } from '../queries/fund-ledger-read-model';
import { READ_MODELS_SCHEMA } from '../read-models.schema';
import { fundLedgerProjection } from './fund-ledger.projection';

const ORGANISATIONS = ['91430100MA4L16JQ0H', '91430100MA4L16JR9A', '91430100MA4L16JS7B'];
const MEASURES: FundMeasureCode[] = ['selection-award', 'compute-voucher', 'national-platform', 'national-champion'];

/** A ledger line of any measure, organisation and year, with amounts as decisions make them. */
const lineArbitrary: fc.Arbitrary<LineSeed> = fc.record({
  creditCode: fc.constantFrom(...ORGANISATIONS),
  measure: fc.constantFrom(...MEASURES),
  year: fc.integer({ min: 2026, max: 2028 }),
  committedFen: fc.integer({ min: 0, max: 50_000_000 }),
  issuedShare: fc.integer({ min: 0, max: 100 }),
  paidShare: fc.integer({ min: 0, max: 100 }),
});

type LineSeed = { creditCode: string; measure: FundMeasureCode; year: number; committedFen: number; issuedShare: number; paidShare: number };

function lineOf(n: number, seed: LineSeed): LedgerLine {
  const issuedFen = seed.measure === 'compute-voucher' ? Math.floor((seed.committedFen * seed.issuedShare) / 100) : 0;
  return {
    lineId: `source-${n}/line`,
    kind: seed.measure === 'compute-voucher' ? 'voucher-allocation' : seed.measure === 'selection-award' ? 'selection-award' : 'one-off-award',
    measure: seed.measure,
    programme: null,
    year: seed.year,
    creditCode: seed.creditCode,
    project: { projectCode: null, title: `项目${n}` },
    sourceId: `source-${n}`,
    sourceTitle: `来源${n}`,
    entitlementFen: seed.committedFen,
    committedFen: seed.committedFen,
    issuedFen,
    paidFen: Math.floor((seed.committedFen * seed.paidShare) / 100),
    decision: 'paid',
    basis: '—',
    reason: '按标准支持',
    sameProjectAs: [],
    declaredSupportCounted: [],
    causedBy: { stream: `source-${n}`, eventType: 'Spec' },
    decidedAt: `${seed.year}-06-01T02:00:00.000Z`,
  };
}

for (const kind of testDatabaseKinds()) {
  describe(`the fund-ledger projection on ${kind}`, () => {
    let database: TestDatabase;
    let pool: Pool;
    let store: PostgresEventStore;
    let dataSource: DataSource;

    beforeAll(async () => {
      database = await createTestDatabase(kind, [EVENT_STORE_SCHEMA, READ_MODELS_SCHEMA]);
      pool = createPool(database.url, 4);
      store = new PostgresEventStore(pool, { pollIntervalMs: 20 });
      dataSource = new DataSource({ type: 'postgres', url: database.url, poolSize: 4 });
      await dataSource.initialize();
      await dataSource.query('CREATE TABLE IF NOT EXISTS organisations (credit_code text PRIMARY KEY, name text NOT NULL)');
      await dataSource.query(`INSERT INTO organisations (credit_code, name) VALUES ($1, '湖南甲科技有限公司(合成)') ON CONFLICT DO NOTHING`, [ORGANISATIONS[0]]);
    });

    afterAll(async () => {
      await store?.close();
      await dataSource?.destroy();
      await pool?.end();
      await database?.drop();
    });

    it('given lines of every measure and organisation appended in many small appends, the summary rows equal the domain fold of the lines and budgets, and a replay or rebuild leaves the same rows', async () => {
      const seeds = fc.sample(lineArbitrary, { numRuns: 60, seed: 19 });
      const lines = seeds.map((seed, n) => lineOf(n, seed));
      const budgets: MeasureBudget[] = [
        { year: 2026, measure: 'compute-voucher', budgetFen: 10_000_000_000 },
        { year: 2027, measure: 'compute-voucher', budgetFen: 8_000_000_000 },
      ];
      for (const budget of budgets) {
        await store.append(`compute-voucher-${budget.year}`, [{ type: 'VoucherCallOpened', data: { callId: `compute-voucher-${budget.year}`, year: budget.year, budgetFen: budget.budgetFen } }]);
      }
      for (let i = 0; i < lines.length; i += 3) {
        for (const line of lines.slice(i, i + 3)) await store.append(fundStreamOf(line.creditCode, line.year), [{ type: 'FundLineRecorded', data: line }]);
      }
      const runner = new ProjectionRunner(store, dataSource, [fundLedgerProjection], { batchSize: 7, retryDelayMs: 20 });
      await runner.catchUp();
      const readModel = new FundLedgerReadModel(dataSource);
      const summary = await readModel.summary();
      expect(summary).toEqual(summariseFunds(lines, budgets));
      expect(summary.filter((row) => row.measure === 'compute-voucher' && row.year === 2026)[0].budgetFen).toBe(10_000_000_000);
      expect((await readModel.lines()).map((line) => line.lineId)).toEqual(lines.map((line) => line.lineId));
      expect(await readModel.lines({ creditCode: ORGANISATIONS[1], year: 2027, measure: 'national-champion' })).toEqual(
        lines.filter((line) => line.creditCode === ORGANISATIONS[1] && line.year === 2027 && line.measure === 'national-champion'),
      );
      const totals = await readModel.organisations(2026);
      for (const total of totals) {
        const own = lines.filter((line) => line.creditCode === total.creditCode && line.year === 2026);
        expect(total).toMatchObject({ committedFen: own.reduce((sum, line) => sum + line.committedFen, 0), paidFen: own.reduce((sum, line) => sum + line.paidFen, 0), lines: own.length });
      }
      expect(totals.find((total) => total.creditCode === ORGANISATIONS[0])?.name).toBe('湖南甲科技有限公司(合成)');

      const snapshot = async () => ({
        lines: await dataSource.query('SELECT * FROM rm_fund_lines ORDER BY credit_code, line_id'),
        summary: await dataSource.query('SELECT * FROM rm_fund_summary ORDER BY year, measure'),
        budgets: await dataSource.query('SELECT * FROM rm_fund_budgets ORDER BY year, measure'),
      });
      const once = await snapshot();
      await fundLedgerProjection.handle(await store.readAll(), dataSource.manager); // every event delivered again
      expect(await snapshot()).toEqual(once);
      await runner.reset();
      await runner.catchUp();
      expect(await snapshot()).toEqual(once);
      await runner.stop();
    });
  });
}
