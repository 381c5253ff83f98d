import { refusalOf } from '../shared/refusal.test-support';
import { AggregationMethod, ExpertTotal, aggregateScores } from './aggregation';

function totals(dossierId: string, values: number[]): ExpertTotal[] {
  return values.map((total, i) => ({ dossierId, expertId: `E-${i + 1}`, total }));
}

function aggregateOf(method: AggregationMethod, scores: ExpertTotal[], dossierId = 'D-1', disagreementSpread = 20) {
  const result = aggregateScores({ method, disagreementSpread, scores }).get(dossierId);
  if (!result) throw new Error(`no aggregate for ${dossierId}`);
  return result;
}

describe('aggregateScores', () => {
  describe('given one dossier scored by several experts', () => {
    const scores = totals('D-1', [70, 90, 80, 60, 95]);

    it('reports count, mean, median, minimum, maximum and spread of the raw totals', () => {
      expect(aggregateOf('mean', scores)).toEqual({
        dossierId: 'D-1',
        count: 5,
        aggregate: 79,
        mean: 79,
        median: 80,
        minimum: 60,
        maximum: 95,
        spread: 35,
        disagreement: true,
      });
    });

    it('uses the mean for mean', () => {
      expect(aggregateOf('mean', scores).aggregate).toBe(79);
    });

    it('uses the median for median, the average of the middle two for an even count', () => {
      expect(aggregateOf('median', scores).aggregate).toBe(80);
      expect(aggregateOf('median', totals('D-1', [70, 90, 80, 60])).aggregate).toBe(75);
    });
  });

  describe('trimmed-mean', () => {
    it('drops one highest and one lowest total when there are at least 5', () => {
      // drops 60 and 95: (70 + 74 + 90) / 3
      expect(aggregateOf('trimmed-mean', totals('D-1', [74, 90, 70, 60, 95])).aggregate).toBe(78);
      // drops 60 and 95: (70 + 74 + 80 + 90) / 4
      expect(aggregateOf('trimmed-mean', totals('D-1', [74, 90, 70, 60, 95, 80])).aggregate).toBe(78.5);
    });

    it('drops only one of several equal highest or lowest totals', () => {
      // drops one 50 and the 90: (50 + 70 + 80) / 3
      expect(aggregateOf('trimmed-mean', totals('D-1', [50, 50, 70, 80, 90])).aggregate).toBe(66.67);
      // drops one 50 and one 90: (50 + 80 + 90) / 3
      expect(aggregateOf('trimmed-mean', totals('D-1', [50, 50, 80, 90, 90])).aggregate).toBe(73.33);
    });

    it('is the plain mean with 4 totals or fewer', () => {
      expect(aggregateOf('trimmed-mean', totals('D-1', [60, 70, 80, 95])).aggregate).toBe(76.25);
      expect(aggregateOf('trimmed-mean', totals('D-1', [88])).aggregate).toBe(88);
    });
  });

  it('rounds averages to two decimals, halves up', () => {
    expect(aggregateOf('mean', totals('D-1', [80, 80, 81])).aggregate).toBe(80.33);
    expect(aggregateOf('mean', totals('D-1', [80, 80.01])).aggregate).toBe(80.01); // 80.005 → 80.01
    expect(aggregateOf('median', totals('D-1', [80.01, 80])).aggregate).toBe(80.01);
  });

  describe('disagreement', () => {
    it('is flagged when the spread of totals is above the limit', () => {
      expect(aggregateOf('mean', totals('D-1', [60, 80.01]), 'D-1', 20).disagreement).toBe(true);
    });

    it('is not flagged when the spread equals the limit', () => {
      const aggregate = aggregateOf('mean', totals('D-1', [60, 80]), 'D-1', 20);
      expect(aggregate.spread).toBe(20);
      expect(aggregate.disagreement).toBe(false);
    });

    it('is never flagged for a single total', () => {
      expect(aggregateOf('mean', totals('D-1', [10]), 'D-1', 0).disagreement).toBe(false);
    });
  });

  describe('z-score-mean', () => {
    // A lenient expert L and a strict expert S each saw two different dossiers.
    const scores: ExpertTotal[] = [
      { dossierId: 'X', expertId: 'L', total: 90 },
      { dossierId: 'Z', expertId: 'L', total: 80 },
      { dossierId: 'Y', expertId: 'S', total: 70 },
      { dossierId: 'W', expertId: 'S', total: 60 },
    ];

    it("counts a strict expert's best dossier as much as a lenient expert's best", () => {
      const result = aggregateScores({ method: 'z-score-mean', disagreementSpread: 20, scores });
      // pool mean 75, population sd √125 ≈ 11.18; each expert's best is one of their sd above their mean
      expect(result.get('X')?.aggregate).toBe(86.18);
      expect(result.get('Y')?.aggregate).toBe(86.18);
      expect(result.get('Z')?.aggregate).toBe(63.82);
      expect(result.get('W')?.aggregate).toBe(63.82);
      expect(result.get('Y')?.mean).toBe(70); // raw figures stay raw
    });

    it('counts an expert with no spread of their own as the overall mean', () => {
      const result = aggregateScores({
        method: 'z-score-mean',
        disagreementSpread: 20,
        scores: [...scores, { dossierId: 'V', expertId: 'Q', total: 99 }],
      });
      expect(result.get('V')?.aggregate).toBe(79.8); // (90 + 80 + 70 + 60 + 99) / 5
    });

    it('keeps the aggregate within 0..100', () => {
      // E-2 gives 99 to eight dossiers and 100 to L: L is 2.8 of E-2's deviations above E-2's mean,
      // which rescaled to the pool (mean ≈ 90, sd ≈ 27.5) would be about 168.
      const high: ExpertTotal[] = [
        { dossierId: 'A', expertId: 'E-1', total: 100 },
        { dossierId: 'B', expertId: 'E-1', total: 0 },
        ...['C', 'D', 'F', 'G', 'H', 'I', 'J', 'K'].map((dossierId) => ({ dossierId, expertId: 'E-2', total: 99 })),
        { dossierId: 'L', expertId: 'E-2', total: 100 },
      ];
      const low = high.map((score) => ({ ...score, total: 100 - score.total }));
      expect(aggregateScores({ method: 'z-score-mean', disagreementSpread: 20, scores: high }).get('L')?.aggregate).toBe(100);
      expect(aggregateScores({ method: 'z-score-mean', disagreementSpread: 20, scores: low }).get('L')?.aggregate).toBe(0);
    });
  });

  it('returns one aggregate per dossier, ordered by dossier id', () => {
    const result = aggregateScores({
      method: 'mean',
      disagreementSpread: 10,
      scores: [...totals('D-2', [50, 60]), ...totals('D-10', [70]), ...totals('D-1', [80])],
    });
    expect([...result.keys()]).toEqual(['D-1', 'D-10', 'D-2']);
  });

  it('returns nothing for no scores', () => {
    expect(aggregateScores({ method: 'trimmed-mean', disagreementSpread: 10, scores: [] }).size).toBe(0);
  });

  describe('refuses input it cannot aggregate', () => {

    it('the same expert scoring a dossier twice', () => {
      const refusal = refusalOf(() =>
        aggregateScores({ method: 'mean', disagreementSpread: 10, scores: [...totals('D-1', [80]), ...totals('D-1', [70])] }),
      );
      expect(refusal.code).toBe('invalid-scores');
      expect(refusal.kind).toBe('invalid');
      expect(refusal.message).toBe('scores cannot be aggregated: expert E-1 scored dossier D-1 more than once');
    });

    it('totals outside 0..100, a negative spread, an unknown method and missing ids', () => {
      const refusal = refusalOf(() =>
        aggregateScores({
          method: 'average' as AggregationMethod,
          disagreementSpread: -1,
          scores: [
            { dossierId: 'D-1', expertId: 'E-1', total: 100.5 },
            { dossierId: '', expertId: 'E-2', total: Number.NaN },
          ],
        }),
      );
      expect(refusal.details).toEqual({
        problems: [
          'method must be one of mean, median, trimmed-mean, z-score-mean, got "average"',
          'disagreementSpread must be a number of points ≥ 0, got -1',
          'total of expert E-1 for dossier D-1 must be 0..100, got 100.5',
          'every score needs a dossierId and an expertId',
          'total of expert E-2 for dossier  must be 0..100, got NaN',
        ],
      });
    });
  });
});
