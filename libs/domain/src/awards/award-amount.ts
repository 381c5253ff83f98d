import { Fen } from '../shared/money';
import { refuse } from '../shared/refusal';

/**
 * How a programme rewards: 政策倾斜 (policy support, no money) or a share of the approved
 * investment (核定投资额) up to a cap, e.g. demo-scenario: 20 % = 2000 basis points, cap ¥2,000,000.
 */
export type AwardFormula = { kind: 'policy' } | { kind: 'money'; rateBasisPoints: number; capFen: Fen };

export const BASIS_POINTS_PER_WHOLE = 10_000;

/**
 * min(rate × approved investment, cap), in whole fen rounded down — the plan says "不超过", so a
 * fraction of a fen is never paid. Computed with BigInt, so the product cannot lose precision.
 * A policy award is 0 fen. Refuses `invalid-award` (kind invalid) for a rate outside 0-100 %,
 * a negative or fractional cap, or an investment that is not a whole number of fen.
 */
export function awardAmount(formula: AwardFormula, approvedInvestmentFen: Fen): Fen {
  assertFenValue(approvedInvestmentFen, 'approved investment');
  if (formula.kind === 'policy') return 0;
  if (formula.kind !== 'money') {
    throw refuse('invalid-award', `award formula must be policy or money, got ${JSON.stringify(formula)}`, 'invalid');
  }
  const { rateBasisPoints, capFen } = formula;
  if (!Number.isSafeInteger(rateBasisPoints) || rateBasisPoints < 0 || rateBasisPoints > BASIS_POINTS_PER_WHOLE) {
    throw refuse(
      'invalid-award',
      `award rate must be whole basis points between 0 and 10000 (0-100 %), got ${rateBasisPoints}`,
      'invalid',
    );
  }
  assertFenValue(capFen, 'award cap');
  const share = (BigInt(approvedInvestmentFen) * BigInt(rateBasisPoints)) / BigInt(BASIS_POINTS_PER_WHOLE);
  return share < BigInt(capFen) ? Number(share) : capFen;
}

function assertFenValue(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw refuse('invalid-award', `${what} must be a whole number of fen ≥ 0, got ${value}`, 'invalid');
  }
}
