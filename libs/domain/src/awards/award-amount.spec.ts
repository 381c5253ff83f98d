import { yuanToFen } from '../shared/money';
import { AwardFormula, awardAmount } from './award-amount';

// 附件5: demo-scenario 20 % up to ¥2,000,000; vertical-model, dataset, innovative-product 20 % up to ¥1,000,000.
const demoScenario: AwardFormula = { kind: 'money', rateBasisPoints: 2000, capFen: yuanToFen(2_000_000) };
const dataset: AwardFormula = { kind: 'money', rateBasisPoints: 2000, capFen: yuanToFen(1_000_000) };

describe('awardAmount', () => {
  it('pays the rate times the approved investment below the cap', () => {
    expect(awardAmount(demoScenario, yuanToFen(6_000_000))).toBe(yuanToFen(1_200_000));
  });

  it('pays the cap when the share would be above it', () => {
    expect(awardAmount(demoScenario, yuanToFen(30_000_000))).toBe(yuanToFen(2_000_000));
    expect(awardAmount(dataset, yuanToFen(30_000_000))).toBe(yuanToFen(1_000_000));
  });

  it('pays exactly the cap at the investment where the share reaches it', () => {
    expect(awardAmount(dataset, yuanToFen(5_000_000))).toBe(yuanToFen(1_000_000));
  });

  it('rounds a fraction of a fen down, never up', () => {
    // 20 % of 12,345.67 yuan = 2,469.134 yuan → 246913 fen
    expect(awardAmount(dataset, 1_234_567)).toBe(246_913);
    expect(awardAmount({ kind: 'money', rateBasisPoints: 1, capFen: 1_000 }, 9_999)).toBe(0);
  });

  it('keeps full precision for investments far beyond what floating point multiplies exactly', () => {
    // 9,007,199,254,740,991 fen × 2000 overflows 2^53; the result must still be exact
    expect(awardAmount({ kind: 'money', rateBasisPoints: 2000, capFen: Number.MAX_SAFE_INTEGER }, Number.MAX_SAFE_INTEGER)).toBe(
      1_801_439_850_948_198,
    );
  });

  it('pays nothing for a policy award (政策倾斜)', () => {
    expect(awardAmount({ kind: 'policy' }, yuanToFen(50_000_000))).toBe(0);
  });

  it('pays nothing for no approved investment', () => {
    expect(awardAmount(demoScenario, 0)).toBe(0);
  });

  it.each([
    [{ kind: 'money', rateBasisPoints: 10_001, capFen: 100 }, 100, 'award rate must be whole basis points between 0 and 10000 (0-100 %), got 10001'],
    [{ kind: 'money', rateBasisPoints: 20.5, capFen: 100 }, 100, 'award rate must be whole basis points between 0 and 10000 (0-100 %), got 20.5'],
    [{ kind: 'money', rateBasisPoints: 2000, capFen: -1 }, 100, 'award cap must be a whole number of fen ≥ 0, got -1'],
    [demoScenario, 100.5, 'approved investment must be a whole number of fen ≥ 0, got 100.5'],
    [demoScenario, Number.MAX_SAFE_INTEGER + 1, `approved investment must be a whole number of fen ≥ 0, got ${Number.MAX_SAFE_INTEGER + 1}`],
    [{ kind: 'grant' }, 100, 'award formula must be policy or money, got {"kind":"grant"}'],
  ])('refuses %j with %d fen', (formula, investment, message) => {
    expect(() => awardAmount(formula as AwardFormula, investment)).toThrow(
      expect.objectContaining({ code: 'invalid-award', kind: 'invalid', message }),
    );
  });
});
