import { formatFenAsYuan, formatFenTotalAsYuan } from './yuan';

describe('formatFenAsYuan', () => {
  it.each([
    [199_999_999, '1,999,999.99 元'],
    [100_000_000, '1,000,000.00 元'],
    [200_000_000, '2,000,000.00 元'],
    [123_456, '1,234.56 元'],
    [100_000, '1,000.00 元'],
    [99_999, '999.99 元'],
    [105, '1.05 元'],
    [7, '0.07 元'],
    [0, '0.00 元'],
  ])('prints %i fen as %s', (fen, expected) => {
    expect(formatFenAsYuan(fen)).toBe(expected);
  });

  it('stays exact at the largest safe number of fen, where a float division would round', () => {
    expect(formatFenAsYuan(Number.MAX_SAFE_INTEGER)).toBe('90,071,992,547,409.91 元');
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses %p, not a whole non-negative fen amount', (fen) => {
    expect(() => formatFenAsYuan(fen)).toThrow(RangeError);
  });
});

describe('formatFenTotalAsYuan', () => {
  it('adds amounts exactly, also past 2^53', () => {
    expect(formatFenTotalAsYuan([199_999_999, 1])).toBe('2,000,000.00 元');
    expect(formatFenTotalAsYuan([Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER])).toBe('180,143,985,094,819.82 元');
    expect(formatFenTotalAsYuan([])).toBe('0.00 元');
  });

  it('refuses a list holding an amount that is not whole fen', () => {
    expect(() => formatFenTotalAsYuan([100, 0.5])).toThrow(RangeError);
  });
});
