import { refuse } from '../shared/refusal';
import { fromHundredths, toHundredths } from './hundredths';
import { meanOf, medianOf, trimmedMeanOf } from './statistics';

export type AggregationMethod = 'mean' | 'median' | 'trimmed-mean' | 'z-score-mean';

export const AGGREGATION_METHODS: readonly AggregationMethod[] = ['mean', 'median', 'trimmed-mean', 'z-score-mean'];

/** One expert's weighted total for one dossier (see weightedTotal). */
export interface ExpertTotal {
  readonly dossierId: string;
  readonly expertId: string;
  readonly total: number;
}

export interface AggregateScoresInput {
  readonly method: AggregationMethod;
  /** A dossier is flagged when its experts' totals are more than this many points apart. */
  readonly disagreementSpread: number;
  readonly scores: readonly ExpertTotal[];
}

/** All figures in points 0..100 with two decimals. mean … spread are of the raw totals. */
export interface DossierAggregate {
  readonly dossierId: string;
  readonly count: number;
  /** The figure ranking uses, computed by the selection's method. */
  readonly aggregate: number;
  readonly mean: number;
  readonly median: number;
  readonly minimum: number;
  readonly maximum: number;
  /** maximum − minimum */
  readonly spread: number;
  /** spread > disagreementSpread: the experts disagree enough for an administrator to look. */
  readonly disagreement: boolean;
}

/**
 * Aggregates the experts' totals per dossier. Totals are taken to two decimals (as weightedTotal
 * gives them). The result is keyed and ordered by dossierId and does not depend on input order.
 *
 * - mean, median: of the dossier's totals.
 * - trimmed-mean: drops one highest and one lowest total when there are at least 5, else the mean.
 * - z-score-mean: each expert's totals are standardised over the whole selection (a strict expert's
 *   70 can be a lenient one's 85), rescaled to the mean and standard deviation of all totals, then
 *   averaged per dossier and kept within 0..100. An expert whose totals are all equal (or who scored
 *   only one dossier) says nothing about order, so their score counts as the overall mean.
 *
 * Refuses `invalid-scores` (kind invalid) for an unknown method, a total outside 0..100, a negative
 * spread, or the same expert scoring a dossier twice.
 */
export function aggregateScores(input: AggregateScoresInput): Map<string, DossierAggregate> {
  assertValid(input);
  const scores = [...input.scores].sort(
    (a, b) => compareText(a.dossierId, b.dossierId) || compareText(a.expertId, b.expertId),
  );
  const normalised = input.method === 'z-score-mean' ? zScoreRescaled(scores) : null;
  const spreadLimit = toHundredths(input.disagreementSpread);

  const byDossier = groupIndexes(scores, (score) => score.dossierId);

  const result = new Map<string, DossierAggregate>();
  for (const [dossierId, indexes] of byDossier) {
    const totals = indexes.map((index) => toHundredths(scores[index].total)).sort((a, b) => a - b);
    const minimum = totals[0];
    const maximum = totals[totals.length - 1];
    const mean = meanOf(totals);
    const median = medianOf(totals);
    const aggregate = ((): number => {
      switch (input.method) {
        case 'mean':
          return mean;
        case 'median':
          return median;
        case 'trimmed-mean':
          return trimmedMeanOf(totals);
        case 'z-score-mean': {
          const values = indexes.map((index) => (normalised as number[])[index]);
          const average = values.reduce((sum, value) => sum + value, 0) / values.length;
          return Math.min(10_000, Math.max(0, toHundredths(average)));
        }
      }
    })();
    result.set(dossierId, {
      dossierId,
      count: totals.length,
      aggregate: fromHundredths(aggregate),
      mean: fromHundredths(mean),
      median: fromHundredths(median),
      minimum: fromHundredths(minimum),
      maximum: fromHundredths(maximum),
      spread: fromHundredths(maximum - minimum),
      disagreement: maximum - minimum > spreadLimit,
    });
  }
  return result;
}

/** Each score rescaled from its expert's scale to the pool's: μ + σ × (total − μₑ) / σₑ. */
function zScoreRescaled(scores: readonly ExpertTotal[]): number[] {
  const totals = scores.map((score) => fromHundredths(toHundredths(score.total)));
  const pool = meanAndDeviation(totals);
  const byExpert = groupIndexes(scores, (score) => score.expertId);
  const expertScale = new Map(
    [...byExpert].map(([expertId, indexes]) => [expertId, meanAndDeviation(indexes.map((index) => totals[index]))]),
  );

  return scores.map((score, index) => {
    const scale = expertScale.get(score.expertId) as { mean: number; deviation: number };
    if (scale.deviation === 0) return pool.mean;
    return pool.mean + (pool.deviation * (totals[index] - scale.mean)) / scale.deviation;
  });
}

/** Mean and population standard deviation. */
function meanAndDeviation(values: readonly number[]): { mean: number; deviation: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  // Below a millionth of a point the differences are rounding noise, not an expert's scale.
  return { mean, deviation: variance < 1e-12 ? 0 : Math.sqrt(variance) };
}

function assertValid(input: AggregateScoresInput): void {
  const problems: string[] = [];
  if (!AGGREGATION_METHODS.includes(input.method)) {
    problems.push(`method must be one of ${AGGREGATION_METHODS.join(', ')}, got ${JSON.stringify(input.method)}`);
  }
  if (!Number.isFinite(input.disagreementSpread) || input.disagreementSpread < 0) {
    problems.push(`disagreementSpread must be a number of points ≥ 0, got ${input.disagreementSpread}`);
  }
  const seen = new Set<string>();
  for (const score of input.scores) {
    if (!score.dossierId || !score.expertId) problems.push('every score needs a dossierId and an expertId');
    const key = JSON.stringify([score.dossierId, score.expertId]);
    if (seen.has(key)) problems.push(`expert ${score.expertId} scored dossier ${score.dossierId} more than once`);
    seen.add(key);
    if (typeof score.total !== 'number' || !Number.isFinite(score.total) || score.total < 0 || score.total > 100) {
      problems.push(`total of expert ${score.expertId} for dossier ${score.dossierId} must be 0..100, got ${score.total}`);
    }
  }
  if (problems.length > 0) {
    throw refuse('invalid-scores', `scores cannot be aggregated: ${problems.join('; ')}`, 'invalid', { problems });
  }
}

/** Positions of the scores per key, in the order of `scores`. */
function groupIndexes(scores: readonly ExpertTotal[], keyOf: (score: ExpertTotal) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  scores.forEach((score, index) => {
    const group = groups.get(keyOf(score));
    if (group) group.push(index);
    else groups.set(keyOf(score), [index]);
  });
  return groups;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
