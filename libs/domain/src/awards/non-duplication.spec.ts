import { yuanToFen } from '../shared/money';
import { EarlierAward, applyNonDuplication } from './non-duplication';
import { formatYuan, yuanText } from './yuan-text';

const MODEL_2026 = '2026年湖南省“人工智能+”人工智能垂类大模型评选';

function earlier(overrides: Partial<EarlierAward> = {}): EarlierAward {
  return {
    selectionId: 'vertical-model-2026',
    selectionTitle: MODEL_2026,
    programme: 'vertical-model',
    year: 2026,
    dossierId: 'vm-1',
    applicantCreditCode: '91430100MA4L0XXXXD',
    projectCode: null,
    title: '智慧港口AI调度平台',
    standardFen: yuanToFen(1_000_000),
    paidFen: yuanToFen(1_000_000),
    ...overrides,
  };
}

describe('applyNonDuplication (不重复享受, 就高原则)', () => {
  it('given no earlier award of the project, pays the full standard', () => {
    expect(applyNonDuplication({ year: 2026, standardFen: yuanToFen(1_200_000), sameProject: [] })).toEqual({
      paidFen: yuanToFen(1_200_000),
      decision: 'paid',
      reason: '该项目未获其他同类支持,按标准支持 1,200,000.00 元',
      counted: [],
    });
  });

  it('given the project already received at least this standard, pays nothing and names the earlier selection', () => {
    const result = applyNonDuplication({ year: 2026, standardFen: yuanToFen(800_000), sameProject: [earlier()] });
    expect(result).toMatchObject({ paidFen: 0, decision: 'not-paid' });
    expect(result.reason).toBe(`不重复享受:已于《${MODEL_2026}》获支持 1,000,000.00 元,不低于本次标准 800,000.00 元,本次不予重复支持`);
  });

  it('given equal standards, pays nothing', () => {
    expect(applyNonDuplication({ year: 2026, standardFen: yuanToFen(1_000_000), sameProject: [earlier()] })).toMatchObject({ paidFen: 0, decision: 'not-paid' });
  });

  it('given a lower earlier payment, tops up to the higher standard so the total equals it', () => {
    const result = applyNonDuplication({ year: 2026, standardFen: yuanToFen(2_000_000), sameProject: [earlier()] });
    expect(result).toMatchObject({ paidFen: yuanToFen(1_000_000), decision: 'top-up' });
    expect(result.paidFen + earlier().paidFen).toBe(yuanToFen(2_000_000));
    expect(result.reason).toBe(`就高原则:已于《${MODEL_2026}》获支持 1,000,000.00 元,按较高标准 2,000,000.00 元 补差 1,000,000.00 元`);
  });

  it('adds up several earlier payments and names each', () => {
    const result = applyNonDuplication({
      year: 2026,
      standardFen: yuanToFen(2_000_000),
      sameProject: [earlier({ paidFen: yuanToFen(600_000) }), earlier({ selectionId: 'dataset-2026', selectionTitle: '2026年数据集评选', paidFen: yuanToFen(400_000) })],
    });
    expect(result).toMatchObject({ paidFen: yuanToFen(1_000_000), decision: 'top-up' });
    expect(result.reason).toBe(
      `就高原则:已于《${MODEL_2026}》获支持 600,000.00 元、《2026年数据集评选》获支持 400,000.00 元,合计 1,000,000.00 元,按较高标准 2,000,000.00 元 补差 1,000,000.00 元`,
    );
  });

  it('counts the awards of earlier years of the plan too: 不重复享受 binds the whole validity, not one year', () => {
    const before = earlier({ year: 2025, selectionId: 'vertical-model-2025', selectionTitle: '2025年人工智能垂类大模型评选', paidFen: yuanToFen(600_000) });
    const result = applyNonDuplication({ year: 2026, standardFen: yuanToFen(500_000), sameProject: [before] });
    expect(result).toMatchObject({ paidFen: 0, decision: 'not-paid', counted: [before] });
  });

  it('pays in full when the other awards paid no money', () => {
    const result = applyNonDuplication({
      year: 2026,
      standardFen: yuanToFen(300_000),
      sameProject: [earlier({ selectionTitle: '2026年重点企业评选', standardFen: 0, paidFen: 0 })],
    });
    expect(result).toMatchObject({ paidFen: yuanToFen(300_000), decision: 'paid' });
    expect(result.reason).toBe('已于《2026年重点企业评选》获支持 0.00 元,未获资金支持,本次按标准支持 300,000.00 元');
  });

  it('refuses amounts that are not whole non-negative fen', () => {
    expect(() => applyNonDuplication({ year: 2026, standardFen: 10.5, sameProject: [earlier({ paidFen: -1 })] })).toThrow(
      expect.objectContaining({
        code: 'invalid-award',
        kind: 'invalid',
        details: {
          problems: [
            'standard of this award must be a whole number of fen ≥ 0, got 10.5',
            'payment of vertical-model-2026 must be a whole number of fen ≥ 0, got -1',
          ],
        },
      }),
    );
  });

  it('refuses earlier payments whose sum is not a safe integer', () => {
    const huge = earlier({ paidFen: Number.MAX_SAFE_INTEGER, standardFen: Number.MAX_SAFE_INTEGER });
    expect(() => applyNonDuplication({ year: 2026, standardFen: 1, sameProject: [huge, huge] })).toThrow(/beyond a safe integer/);
  });
});

describe('formatYuan and yuanText', () => {
  it('writes fen as yuan with thousands separators and two decimals', () => {
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(123_456_789)).toBe('¥1,234,567.89');
    expect(formatYuan(-100_000)).toBe('-¥1,000.00');
    expect(yuanText(123_456_789)).toBe('1,234,567.89 元');
  });
});
