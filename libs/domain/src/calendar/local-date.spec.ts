import { addDays, assertLocalDate, dayOfWeek, isLocalDate, isWeekend, yearOf } from './local-date';

describe('local dates (YYYY-MM-DD)', () => {
  it('accepts real dates only, leap days included', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-1-5')).toBe(false);
    expect(isLocalDate('2026-01-05T00:00:00Z')).toBe(false);
    expect(isLocalDate(20260105)).toBe(false);
  });

  it('refuses a non-date with invalid-date, naming what was expected', () => {
    expect(() => assertLocalDate('2026-02-30', 'notice start')).toThrow(
      expect.objectContaining({
        code: 'invalid-date',
        kind: 'invalid',
        message: 'notice start must be a real date written YYYY-MM-DD, got "2026-02-30"',
      }),
    );
    expect(assertLocalDate('2026-02-28')).toBe('2026-02-28');
  });

  it('knows the weekday regardless of the machine time zone', () => {
    expect(dayOfWeek('2026-01-01')).toBe(4); // Thursday
    expect(dayOfWeek('2025-01-26')).toBe(0); // Sunday
    expect(isWeekend('2026-02-14')).toBe(true);
    expect(isWeekend('2026-02-16')).toBe(false);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(yearOf('2026-07-01')).toBe(2026);
  });
});
