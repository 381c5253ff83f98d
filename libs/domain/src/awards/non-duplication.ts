import { Fen } from '../shared/money';
import { refuse } from '../shared/refusal';
import { yuanText } from './yuan-text';

/**
 * An award already decided for a project of this applicant, as its fund ledger entry records it
 * (see fund-ledger.ts): which selection, which dossier, what the project said of itself, and money.
 */
export interface EarlierAward {
  readonly selectionId: string;
  /** e.g. 2026年湖南省“人工智能+”人工智能垂类大模型评选: printed in 《》 in the reason. */
  readonly selectionTitle: string;
  readonly programme: string;
  readonly year: number;
  readonly dossierId: string;
  readonly applicantCreditCode: string;
  readonly projectCode: string | null;
  readonly title: string;
  /** What that award's own rule gave. */
  readonly standardFen: Fen;
  /** What was actually paid for it (after non-duplication). */
  readonly paidFen: Fen;
}

export interface NonDuplicationInput {
  readonly year: number;
  /** What this award's own rule gives (see awardAmount). */
  readonly standardFen: Fen;
  /**
   * Earlier awards already found to be this very project (see compareProjects), of any year of the
   * plan's validity: the fund ledger of the period holds them all (不重复享受 is not bound to one year).
   */
  readonly sameProject: readonly EarlierAward[];
}

export type NonDuplicationDecision = 'paid' | 'top-up' | 'not-paid';

export interface NonDuplicationResult {
  readonly paidFen: Fen;
  readonly decision: NonDuplicationDecision;
  /** Why, in Chinese, as the award list prints it. */
  readonly reason: string;
  /** The earlier awards that were counted. */
  readonly counted: readonly EarlierAward[];
}

/**
 * 不重复享受, 就高原则: the same project is not paid twice within the plan for the same kind of support;
 * where standards differ, the higher one stands. This award pays what is needed for the total paid
 * to reach its own standard:
 * - nothing paid earlier: the full standard ('paid');
 * - earlier payments at or above this standard: nothing ('not-paid');
 * - earlier payments below it: the difference ('top-up'), so the total equals the higher standard.
 */
export function applyNonDuplication(input: NonDuplicationInput): NonDuplicationResult {
  assertValid(input);
  const counted = input.sameProject;
  const standard = yuanText(input.standardFen);
  if (counted.length === 0) {
    return { paidFen: input.standardFen, decision: 'paid', reason: `该项目未获其他同类支持,按标准支持 ${standard}`, counted };
  }
  const alreadyPaid = counted.reduce((sum, award) => sum + award.paidFen, 0);
  const sources = sourcesText(counted);
  if (alreadyPaid === 0) {
    return { paidFen: input.standardFen, decision: 'paid', reason: `${sources},未获资金支持,本次按标准支持 ${standard}`, counted };
  }
  if (alreadyPaid >= input.standardFen) {
    return {
      paidFen: 0,
      decision: 'not-paid',
      reason: `不重复享受:${sources},不低于本次标准 ${standard},本次不予重复支持`,
      counted,
    };
  }
  const topUp = input.standardFen - alreadyPaid;
  return {
    paidFen: topUp,
    decision: 'top-up',
    reason: `就高原则:${sources},按较高标准 ${standard} 补差 ${yuanText(topUp)}`,
    counted,
  };
}

/** 已于《A》获支持 x 元 / 已于《A》获支持 x 元、《B》获支持 y 元,合计 z 元 */
function sourcesText(counted: readonly EarlierAward[]): string {
  const parts = counted.map((award) => `《${award.selectionTitle}》获支持 ${yuanText(award.paidFen)}`);
  const total = counted.reduce((sum, award) => sum + award.paidFen, 0);
  return counted.length === 1 ? `已于${parts[0]}` : `已于${parts.join('、')},合计 ${yuanText(total)}`;
}

function assertValid(input: NonDuplicationInput): void {
  const amounts: [string, number][] = [
    ['standard of this award', input.standardFen],
    ...input.sameProject.flatMap((award): [string, number][] => [
      [`standard of ${award.selectionId}`, award.standardFen],
      [`payment of ${award.selectionId}`, award.paidFen],
    ]),
  ];
  const problems = amounts
    .filter(([, value]) => !Number.isSafeInteger(value) || value < 0)
    .map(([what, value]) => `${what} must be a whole number of fen ≥ 0, got ${value}`);
  const total = input.sameProject.reduce((sum, award) => sum + Math.max(0, award.paidFen), 0);
  if (problems.length === 0 && !Number.isSafeInteger(total)) problems.push('earlier payments add up beyond a safe integer');
  if (problems.length > 0) {
    throw refuse('invalid-award', `non-duplication cannot be applied: ${problems.join('; ')}`, 'invalid', { problems });
  }
}
