import { yuanText } from '../awards/yuan-text';
import type { Fen } from '../shared/money';

/**
 * When the approved claims of a 算力券 call ask for more than its budget has left, the rule the call
 * declared decides (recorded on each decision):
 * - `first-come`: in the order the claims were submitted complete (then claim id), each gets its
 *   standard while the budget lasts; the claim that exhausts it gets the rest, later ones nothing;
 * - `pro-rata`: every claim gets the same share of its standard, budget ÷ total asked, in whole
 *   fen; the fen left by rounding go one each to the largest remainders (then earlier submission,
 *   then claim id), so exactly the budget is committed and nobody gets more than the standard.
 */
export type VoucherAllocationRule = 'first-come' | 'pro-rata';

export const ALLOCATION_RULE_TEXT: Readonly<Record<VoucherAllocationRule, string>> = {
  'first-come': '按完整提交申报的先后顺序',
  'pro-rata': '按核定补贴额同比例',
};

export interface ClaimToAllocate {
  readonly claimId: string;
  readonly creditCode: string;
  readonly standardFen: Fen;
  /** When the claim was submitted complete (ISO instant). */
  readonly completedAt: string;
}

export interface VoucherAllocation {
  readonly claimId: string;
  readonly creditCode: string;
  readonly standardFen: Fen;
  readonly grantedFen: Fen;
  readonly decision: 'granted' | 'reduced' | 'not-granted';
  readonly reason: string;
}

export function allocateVouchers(rule: VoucherAllocationRule, availableFen: Fen, claims: readonly ClaimToAllocate[]): VoucherAllocation[] {
  const ordered = [...claims].sort((a, b) => compareText(a.completedAt, b.completedAt) || compareText(a.claimId, b.claimId));
  const asked = ordered.reduce((total, claim) => total + claim.standardFen, 0);
  if (asked <= availableFen) {
    return ordered.map((claim) => line(claim, claim.standardFen, `预算充足,按标准核定补贴 ${yuanText(claim.standardFen)}`));
  }
  return rule === 'first-come' ? firstCome(availableFen, ordered) : proRata(availableFen, asked, ordered);
}

function firstCome(availableFen: Fen, ordered: readonly ClaimToAllocate[]): VoucherAllocation[] {
  let left = availableFen;
  return ordered.map((claim, index) => {
    const granted = Math.min(left, claim.standardFen);
    left -= granted;
    const place = `按完整提交申报的先后顺序(第 ${index + 1} 位)`;
    if (granted === claim.standardFen) return line(claim, granted, `${place},按标准核定补贴 ${yuanText(granted)}`);
    if (granted > 0) return line(claim, granted, `${place},年度预算余额仅 ${yuanText(granted)},核定补贴 ${yuanText(granted)}(标准 ${yuanText(claim.standardFen)})`);
    return line(claim, 0, `${place},年度算力券预算已用完,本次不予安排`);
  });
}

function proRata(availableFen: Fen, asked: Fen, ordered: readonly ClaimToAllocate[]): VoucherAllocation[] {
  const [budget, total] = [BigInt(availableFen), BigInt(asked)];
  const shares = ordered.map((claim, index) => {
    const exact = BigInt(claim.standardFen) * budget;
    return { claim, index, base: exact / total, remainder: exact % total };
  });
  let left = budget - shares.reduce((sum, share) => sum + share.base, 0n);
  const extra = new Set<number>();
  for (const share of [...shares].sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index))) {
    if (left === 0n) break;
    extra.add(share.index);
    left -= 1n;
  }
  const percent = Number((budget * 10_000n) / total) / 100;
  return shares.map(({ claim, index, base }) => {
    const granted = Number(base) + (extra.has(index) ? 1 : 0);
    return line(claim, granted, `申报总额超过年度预算余额 ${yuanText(availableFen)},按核定补贴额同比例(约 ${percent}%)安排 ${yuanText(granted)}(标准 ${yuanText(claim.standardFen)})`);
  });
}

function line(claim: ClaimToAllocate, grantedFen: Fen, reason: string): VoucherAllocation {
  const decision = grantedFen === claim.standardFen ? 'granted' : grantedFen === 0 ? 'not-granted' : 'reduced';
  return { claimId: claim.claimId, creditCode: claim.creditCode, standardFen: claim.standardFen, grantedFen, decision, reason };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
