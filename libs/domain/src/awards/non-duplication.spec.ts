import { yuanToFen } from '../shared/money';
import { EarlierAward, applyNonDuplication } from './non-duplication';
import { formatYuan } from './yuan-text';

const KEY = '91430100MA4L0XXXXD|title:智慧港口ai调度平台';

function earlier(overrides: Partial<EarlierAward> = {}): EarlierAward {
  return {
    selectionId: 'vertical-model-2026',
    programme: 'vertical-model',
    year: 2026,
    projectKey: KEY,
    standardFen: yuanToFen(1_000_000),
    paidFen: yuanToFen(1_000_000),
    ...overrides,
  };
}

describe('applyNonDuplication (不重复享受, 就高原则)', () => {
  it('pays the full standard when the project has no other award', () => {
    expect(applyNonDuplication({ year: 2026, projectKey: KEY, standardFen: yuanToFen(1_200_000), earlier: [] })).toEqual({
      paidFen: yuanToFen(1_200_000),
      decision: 'paid',
      reason: 'no other award for this project in 2026; pays ¥1,200,000.00',
    });
  });

  it('does not pay again when the project already received at least this standard', () => {
    const result = applyNonDuplication({
      year: 2026,
      projectKey: KEY,
      standardFen: yuanToFen(800_000),
      earlier: [earlier()],
    });
    expect(result.paidFen).toBe(0);
    expect(result.decision).toBe('not-paid');
    expect(result.reason).toBe(
      "not paid twice (不重复享受): this project already received ¥1,000,000.00 in 2026 (vertical-model-2026 paid ¥1,000,000.00), " +
        "at least this award's ¥800,000.00; the higher standard stands (就高原则)",
    );
  });

  it('does not pay again when the standards are equal', () => {
    const result = applyNonDuplication({ year: 2026, projectKey: KEY, standardFen: yuanToFen(1_000_000), earlier: [earlier()] });
    expect(result).toMatchObject({ paidFen: 0, decision: 'not-paid' });
  });

  it('tops up to the higher standard, so the total paid equals it', () => {
    const result = applyNonDuplication({
      year: 2026,
      projectKey: KEY,
      standardFen: yuanToFen(2_000_000),
      earlier: [earlier()],
    });
    expect(result.paidFen).toBe(yuanToFen(1_000_000));
    expect(result.decision).toBe('top-up');
    expect(result.paidFen + earlier().paidFen).toBe(yuanToFen(2_000_000));
    expect(result.reason).toBe(
      '就高原则: this project already received ¥1,000,000.00 in 2026 (vertical-model-2026 paid ¥1,000,000.00); ' +
        "pays the difference ¥1,000,000.00 up to this award's higher standard ¥2,000,000.00",
    );
  });

  it('adds up several earlier payments for the project', () => {
    const result = applyNonDuplication({
      year: 2026,
      projectKey: KEY,
      standardFen: yuanToFen(2_000_000),
      earlier: [earlier({ paidFen: yuanToFen(600_000) }), earlier({ selectionId: 'other-provincial-policy', paidFen: yuanToFen(400_000) })],
    });
    expect(result).toMatchObject({ paidFen: yuanToFen(1_000_000), decision: 'top-up' });
  });

  it('counts only awards of the same year', () => {
    const result = applyNonDuplication({
      year: 2026,
      projectKey: KEY,
      standardFen: yuanToFen(500_000),
      earlier: [earlier({ year: 2025, selectionId: 'vertical-model-2025' })],
    });
    expect(result).toMatchObject({ paidFen: yuanToFen(500_000), decision: 'paid' });
  });

  it('counts only awards of the same project', () => {
    const result = applyNonDuplication({
      year: 2026,
      projectKey: KEY,
      standardFen: yuanToFen(500_000),
      earlier: [earlier({ projectKey: '91430100MA4L0XXXXD|title:另一个项目' })],
    });
    expect(result.decision).toBe('paid');
  });

  it('never counts the award against itself when recomputed', () => {
    const result = applyNonDuplication({
      year: 2026,
      projectKey: KEY,
      standardFen: yuanToFen(1_000_000),
      selectionId: 'vertical-model-2026',
      earlier: [earlier()],
    });
    expect(result).toMatchObject({ paidFen: yuanToFen(1_000_000), decision: 'paid' });
  });

  it('pays in full when the other awards paid no money (policy support)', () => {
    const result = applyNonDuplication({
      year: 2026,
      projectKey: KEY,
      standardFen: yuanToFen(300_000),
      earlier: [earlier({ selectionId: 'key-enterprise-2026', programme: 'key-enterprise', standardFen: 0, paidFen: 0 })],
    });
    expect(result).toEqual({
      paidFen: yuanToFen(300_000),
      decision: 'paid',
      reason: 'other awards for this project in 2026 paid no money (key-enterprise-2026 paid ¥0.00); pays ¥300,000.00',
    });
  });

  it('refuses amounts that are not whole non-negative fen', () => {
    expect(() =>
      applyNonDuplication({ year: 2026, projectKey: KEY, standardFen: 10.5, earlier: [earlier({ paidFen: -1 })] }),
    ).toThrow(
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
    expect(() => applyNonDuplication({ year: 2026, projectKey: KEY, standardFen: 1, earlier: [huge, huge] })).toThrow(
      /beyond a safe integer/,
    );
  });
});

describe('formatYuan', () => {
  it('writes fen as yuan with thousands separators and two decimals', () => {
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(123_456_789)).toBe('¥1,234,567.89');
    expect(formatYuan(-100_000)).toBe('-¥1,000.00');
  });
});
