import { refusalOf } from '../shared/refusal.test-support';
import { MEASURES, wan } from './funds.test-support';
import { voucherBasisText, voucherStandard } from './voucher-formula';

describe('the 算力券 formula: min(30 % × eligible annual compute spend, 1,000 万元) per enterprise', () => {
  const measure = MEASURES.voucher;

  it('given 200 万元 of spend, then the subsidy is 30 %, 60 万元', () => {
    expect(voucherStandard(measure, wan(200))).toBe(wan(60));
  });

  it('given 1 亿元 of spend, then the cap of 1,000 万元 stands; at exactly 3,333.34 万元 the cap is reached', () => {
    expect(voucherStandard(measure, wan(10_000))).toBe(wan(1_000));
    expect(voucherStandard(measure, 3_333_333_333)).toBe(999_999_999);
    expect(voucherStandard(measure, 3_333_333_334)).toBe(wan(1_000));
  });

  it('never grants a fraction of a fen (不超过: rounded down) and nothing for no spend', () => {
    expect(voucherStandard(measure, 1)).toBe(0);
    expect(voucherStandard(measure, 7)).toBe(2);
    expect(voucherStandard(measure, 0)).toBe(0);
  });

  it('refuses a spend that is not whole fen ≥ 0', () => {
    expect(refusalOf(() => voucherStandard(measure, -1)).code).toBe('invalid-voucher-claim');
    expect(refusalOf(() => voucherStandard(measure, 1.5)).code).toBe('invalid-voucher-claim');
  });

  it('says the formula in words', () => {
    expect(voucherBasisText(measure, wan(200))).toBe('min(30% × 年度算力支出 2,000,000.00 元, 10,000,000.00 元)');
  });
});
