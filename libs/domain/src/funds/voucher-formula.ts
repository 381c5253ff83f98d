import { yuanText } from '../awards/yuan-text';
import { BASIS_POINTS_PER_WHOLE } from '../awards/award-amount';
import type { Fen } from '../shared/money';
import { refuse } from '../shared/refusal';
import type { VoucherMeasure } from './measures';

/**
 * 算力券 (附件5 一): "按不超过年度算力总支出的30%给予补贴,最高不超过1000万元" —
 * min(30 % × eligible annual compute spend, 1,000 万元) per enterprise, whole fen rounded down
 * (不超过: a fraction of a fen is never granted), with BigInt so the product cannot lose precision.
 */
export function voucherStandard(measure: Pick<VoucherMeasure, 'rateBasisPoints' | 'capFenPerEnterprise'>, eligibleSpendFen: Fen): Fen {
  if (!Number.isSafeInteger(eligibleSpendFen) || eligibleSpendFen < 0) {
    throw refuse('invalid-voucher-claim', `年度算力支出须为不小于 0 的整数分,收到 ${eligibleSpendFen}`, 'invalid');
  }
  const share = (BigInt(eligibleSpendFen) * BigInt(measure.rateBasisPoints)) / BigInt(BASIS_POINTS_PER_WHOLE);
  return share < BigInt(measure.capFenPerEnterprise) ? Number(share) : measure.capFenPerEnterprise;
}

export function voucherBasisText(measure: Pick<VoucherMeasure, 'rateBasisPoints' | 'capFenPerEnterprise'>, eligibleSpendFen: Fen): string {
  return `min(${measure.rateBasisPoints / 100}% × 年度算力支出 ${yuanText(eligibleSpendFen)}, ${yuanText(measure.capFenPerEnterprise)})`;
}
