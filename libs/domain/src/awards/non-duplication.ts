import { Fen } from '../shared/money';
import { refuse } from '../shared/refusal';
import { formatYuan } from './yuan-text';

/** An award already decided for some project, in this or another selection or policy. */
export interface EarlierAward {
  readonly selectionId: string;
  readonly programme: string;
  readonly year: number;
  readonly projectKey: string;
  /** What that award's own rule gave. */
  readonly standardFen: Fen;
  /** What was actually paid for it (after non-duplication). */
  readonly paidFen: Fen;
}

export interface NonDuplicationInput {
  readonly year: number;
  readonly projectKey: string;
  /** What this award's own rule gives (see awardAmount). */
  readonly standardFen: Fen;
  readonly earlier: readonly EarlierAward[];
  /** This award's selection, so that recomputing it never counts it against itself. */
  readonly selectionId?: string;
}

export type NonDuplicationDecision = 'paid' | 'top-up' | 'not-paid';

export interface NonDuplicationResult {
  readonly paidFen: Fen;
  readonly decision: NonDuplicationDecision;
  readonly reason: string;
}

/**
 * 不重复享受, 就高原则: the same project is not paid twice in a year for the same kind of support;
 * where standards differ, the higher one stands. Only earlier awards of the same year and project
 * count. This award pays what is needed for the total paid to reach its own standard:
 * - nothing earlier: the full standard ('paid');
 * - earlier payments at or above this standard: nothing ('not-paid');
 * - earlier payments below it: the difference ('top-up'), so the total equals the higher standard.
 */
export function applyNonDuplication(input: NonDuplicationInput): NonDuplicationResult {
  assertValid(input);
  const counted = input.earlier.filter(
    (award) =>
      award.year === input.year &&
      award.projectKey === input.projectKey &&
      (input.selectionId === undefined || award.selectionId !== input.selectionId),
  );
  const standard = formatYuan(input.standardFen);
  if (counted.length === 0) {
    return { paidFen: input.standardFen, decision: 'paid', reason: `no other award for this project in ${input.year}; pays ${standard}` };
  }

  const alreadyPaid = counted.reduce((sum, award) => sum + award.paidFen, 0);
  const sources = counted.map((award) => `${award.selectionId} paid ${formatYuan(award.paidFen)}`).join(', ');
  if (alreadyPaid === 0) {
    return {
      paidFen: input.standardFen,
      decision: 'paid',
      reason: `other awards for this project in ${input.year} paid no money (${sources}); pays ${standard}`,
    };
  }
  if (alreadyPaid >= input.standardFen) {
    return {
      paidFen: 0,
      decision: 'not-paid',
      reason:
        `not paid twice (不重复享受): this project already received ${formatYuan(alreadyPaid)} in ${input.year} ` +
        `(${sources}), at least this award's ${standard}; the higher standard stands (就高原则)`,
    };
  }
  const topUp = input.standardFen - alreadyPaid;
  return {
    paidFen: topUp,
    decision: 'top-up',
    reason:
      `就高原则: this project already received ${formatYuan(alreadyPaid)} in ${input.year} (${sources}); ` +
      `pays the difference ${formatYuan(topUp)} up to this award's higher standard ${standard}`,
  };
}

function assertValid(input: NonDuplicationInput): void {
  const amounts: [string, number][] = [
    ['standard of this award', input.standardFen],
    ...input.earlier.flatMap((award): [string, number][] => [
      [`standard of ${award.selectionId}`, award.standardFen],
      [`payment of ${award.selectionId}`, award.paidFen],
    ]),
  ];
  const problems = amounts
    .filter(([, value]) => !Number.isSafeInteger(value) || value < 0)
    .map(([what, value]) => `${what} must be a whole number of fen ≥ 0, got ${value}`);
  const total = input.earlier.reduce((sum, award) => sum + Math.max(0, award.paidFen), 0);
  if (problems.length === 0 && !Number.isSafeInteger(total)) problems.push('earlier payments add up beyond a safe integer');
  if (problems.length > 0) {
    throw refuse('invalid-award', `non-duplication cannot be applied: ${problems.join('; ')}`, 'invalid', { problems });
  }
}
