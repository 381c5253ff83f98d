import fc from 'fast-check';
import { AGGREGATION_METHODS, ExpertTotal, aggregateScores } from './aggregation';

// Modest by default (CI has 2 cores); PROPERTY_RUNS=5000 for a deeper search.
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) };

/** Totals in whole hundredths of a point, as weightedTotal produces them. */
const total = fc.integer({ min: 0, max: 10_000 }).map((hundredths) => hundredths / 100);

/** A selection: up to 8 dossiers, each scored by distinct experts from a pool of 9. */
const selection = fc
  .array(
    fc.tuple(fc.integer({ min: 0, max: 7 }), fc.uniqueArray(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 9 })),
    { maxLength: 8 },
  )
  .chain((dossiers) => {
    const pairs = new Map<string, ExpertTotal>();
    for (const [dossier, experts] of dossiers) {
      for (const expert of experts) pairs.set(`${dossier}/${expert}`, { dossierId: `D-${dossier}`, expertId: `E-${expert}`, total: 0 });
    }
    const skeleton = [...pairs.values()];
    return fc.array(total, { minLength: skeleton.length, maxLength: skeleton.length }).map((values) =>
      skeleton.map((score, i) => ({ ...score, total: values[i] })),
    );
  });

describe('aggregation properties', () => {
  it('a trimmed mean lies between the lowest and the highest of its totals', () => {
    fc.assert(
      fc.property(fc.array(total, { minLength: 1, maxLength: 12 }), (values) => {
        const scores = values.map((value, i) => ({ dossierId: 'D-1', expertId: `E-${i}`, total: value }));
        const aggregate = aggregateScores({ method: 'trimmed-mean', disagreementSpread: 20, scores }).get('D-1');
        expect(aggregate).toBeDefined();
        expect(aggregate?.aggregate).toBeGreaterThanOrEqual(Math.min(...values));
        expect(aggregate?.aggregate).toBeLessThanOrEqual(Math.max(...values));
      }),
      RUNS,
    );
  });

  it('a trimmed mean of 5 or more totals does not move when the highest or lowest total becomes more extreme', () => {
    fc.assert(
      fc.property(fc.array(total, { minLength: 5, maxLength: 12 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const extreme = [0, ...sorted.slice(1, -1), 100];
        const aggregateFor = (list: number[]) =>
          aggregateScores({
            method: 'trimmed-mean',
            disagreementSpread: 20,
            scores: list.map((value, i) => ({ dossierId: 'D-1', expertId: `E-${i}`, total: value })),
          }).get('D-1')?.aggregate;
        expect(aggregateFor(extreme)).toBe(aggregateFor(sorted));
      }),
      RUNS,
    );
  });

  it.each(AGGREGATION_METHODS)('%s does not depend on the order scores arrive in', (method) => {
    fc.assert(
      fc.property(
        selection.chain((scores) => fc.tuple(fc.constant(scores), fc.shuffledSubarray(scores, { minLength: scores.length }))),
        ([scores, shuffled]) => {
          const first = aggregateScores({ method, disagreementSpread: 15, scores });
          const second = aggregateScores({ method, disagreementSpread: 15, scores: shuffled });
          expect([...second.entries()]).toEqual([...first.entries()]);
        },
      ),
      RUNS,
    );
  });

  it.each(AGGREGATION_METHODS)('%s stays within 0..100 and flags exactly the dossiers whose spread is above the limit', (method) => {
    fc.assert(
      fc.property(selection, fc.integer({ min: 0, max: 40 }), (scores, limit) => {
        for (const aggregate of aggregateScores({ method, disagreementSpread: limit, scores }).values()) {
          expect(aggregate.aggregate).toBeGreaterThanOrEqual(0);
          expect(aggregate.aggregate).toBeLessThanOrEqual(100);
          expect(aggregate.spread).toBeCloseTo(aggregate.maximum - aggregate.minimum, 9);
          expect(aggregate.disagreement).toBe(aggregate.spread > limit);
        }
      }),
      RUNS,
    );
  });
});
