import { chineseNumeral } from './chinese-numeral';

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [4, '四'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [90, '九十'],
    [99, '九十九'],
  ])('writes %i as %s', (value, expected) => {
    expect(chineseNumeral(value)).toBe(expected);
  });

  it.each([0, 100, -1, 1.5, Number.NaN])('refuses %p, outside the numerals a heading uses', (value) => {
    expect(() => chineseNumeral(value)).toThrow(RangeError);
  });
});
