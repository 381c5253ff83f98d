const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九: the numerals of section headings (一、二、…).
 * Lists in these documents never reach 100, so larger numbers are refused rather than guessed.
 */
export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) {
    throw new RangeError(`a Chinese section numeral is written for 1-99, got ${value}`);
  }
  const tens = Math.floor(value / 10);
  const units = value % 10;
  if (tens === 0) return DIGITS[units];
  // 十 alone, not 一十, for 10-19, as headings are written
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[units]}`;
}
