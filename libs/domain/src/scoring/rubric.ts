import { refuse } from '../shared/refusal';
import { roundToHundredths } from './hundredths';

/** One line of a programme's scoring table (评分标准), e.g. 创新性, weight 30, scored 0-10. */
export interface Criterion {
  readonly code: string;
  readonly name: string;
  /** Share of the total in percent; the weights of a rubric add up to 100. */
  readonly weight: number;
  /** The most points an expert may give on this criterion. */
  readonly maxPoints: number;
}

export const MIN_CRITERIA = 4;
export const MAX_CRITERIA = 6;

/** Every reason the criteria do not make a rubric; empty when they do. */
export function rubricProblems(criteria: readonly Criterion[]): string[] {
  const problems: string[] = [];
  if (criteria.length < MIN_CRITERIA || criteria.length > MAX_CRITERIA) {
    problems.push(`a rubric has ${MIN_CRITERIA} to ${MAX_CRITERIA} criteria, got ${criteria.length}`);
  }
  const codes = new Set<string>();
  for (const criterion of criteria) {
    const label = `criterion ${JSON.stringify(criterion.code)}`;
    if (typeof criterion.code !== 'string' || criterion.code.trim() === '') problems.push('every criterion needs a code');
    else if (codes.has(criterion.code)) problems.push(`${label} appears twice`);
    codes.add(criterion.code);
    if (typeof criterion.name !== 'string' || criterion.name.trim() === '') problems.push(`${label} needs a name`);
    if (!isPositive(criterion.weight)) problems.push(`${label} needs a weight above 0, got ${criterion.weight}`);
    if (!isPositive(criterion.maxPoints)) {
      problems.push(`${label} needs maxPoints above 0, got ${criterion.maxPoints}`);
    }
  }
  const weightSum = criteria.reduce((sum, criterion) => sum + (isPositive(criterion.weight) ? criterion.weight : 0), 0);
  if (criteria.every((criterion) => isPositive(criterion.weight)) && Math.abs(weightSum - 100) > 1e-9) {
    problems.push(`weights must add up to 100, they add up to ${roundToHundredths(weightSum)}`);
  }
  return problems;
}

/** Returns a copy of the criteria, or refuses `invalid-rubric` (kind invalid) with every problem. */
export function validateRubric(criteria: readonly Criterion[]): readonly Criterion[] {
  const problems = rubricProblems(criteria);
  if (problems.length > 0) {
    throw refuse('invalid-rubric', `rubric is not valid: ${problems.join('; ')}`, 'invalid', { problems });
  }
  return criteria.map((criterion) => ({ ...criterion }));
}

/**
 * An expert's total for one dossier: Σ points / maxPoints × weight, 0..100, rounded to 2 decimals.
 * Refuses `invalid-score` (kind invalid) when a criterion is missing, unknown, or out of its range.
 */
export function weightedTotal(rubric: readonly Criterion[], points: Readonly<Record<string, number>>): number {
  validateRubric(rubric);
  const problems: string[] = [];
  const known = new Set(rubric.map((criterion) => criterion.code));
  const missing = rubric.filter((criterion) => !Object.prototype.hasOwnProperty.call(points, criterion.code));
  if (missing.length > 0) problems.push(`no points given for ${missing.map((c) => c.code).join(', ')}`);
  const unknown = Object.keys(points).filter((code) => !known.has(code));
  if (unknown.length > 0) problems.push(`the rubric has no criterion ${unknown.join(', ')}`);

  let total = 0;
  for (const criterion of rubric) {
    if (!Object.prototype.hasOwnProperty.call(points, criterion.code)) continue;
    const given = points[criterion.code];
    if (typeof given !== 'number' || !Number.isFinite(given) || given < 0 || given > criterion.maxPoints) {
      problems.push(`points for ${criterion.code} must be between 0 and ${criterion.maxPoints}, got ${String(given)}`);
      continue;
    }
    total += (given / criterion.maxPoints) * criterion.weight;
  }
  if (problems.length > 0) {
    throw refuse('invalid-score', `score is not valid: ${problems.join('; ')}`, 'invalid', { problems });
  }
  return Math.min(100, roundToHundredths(total));
}

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
