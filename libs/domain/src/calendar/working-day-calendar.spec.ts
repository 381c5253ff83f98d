import { seedCalendar } from './calendar.test-support';
import { WorkingDayCalendar } from './working-day-calendar';

describe('WorkingDayCalendar', () => {
  const calendar = seedCalendar();

  describe('given the 2025 and 2026 notices', () => {
    it('knows exactly the loaded years', () => {
      expect(calendar.years).toEqual([2025, 2026]);
      expect(calendar.knowsYear(2026)).toBe(true);
      expect(calendar.knowsYear(2027)).toBe(false);
    });

    it('treats an ordinary weekday as a working day and an ordinary weekend day as a rest day', () => {
      expect(calendar.isWorkingDay('2026-03-10')).toBe(true); // Tuesday
      expect(calendar.isWorkingDay('2026-03-14')).toBe(false); // Saturday
      expect(calendar.isWorkingDay('2026-03-15')).toBe(false); // Sunday
    });

    it('treats a holiday on a weekday as a rest day', () => {
      expect(calendar.isWorkingDay('2026-02-16')).toBe(false); // Monday in 春节
      expect(calendar.isWorkingDay('2025-10-08')).toBe(false); // Wednesday in 国庆
    });

    it('treats a make-up weekend day (调休) as a working day', () => {
      expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday before 春节
      expect(calendar.isWorkingDay('2025-01-26')).toBe(true); // Sunday before 春节
    });
  });

  describe('addWorkingDays', () => {
    it('counts working days after the start, skipping weekends', () => {
      expect(calendar.addWorkingDays('2026-03-13', 1)).toBe('2026-03-16'); // Friday → Monday
      expect(calendar.addWorkingDays('2026-03-13', 0)).toBe('2026-03-13');
    });

    it('skips holidays and counts make-up days', () => {
      // 2026-02-13 Fri → 02-14 Sat (make-up) → 02-24 Tue after 春节
      expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
      expect(calendar.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    });

    it('runs across the year end when both years are known', () => {
      // 2026-01-01…03 off, 01-04 is the make-up Sunday
      expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
      expect(calendar.addWorkingDays('2025-12-31', 2)).toBe('2026-01-05');
    });

    it('refuses to run into a year that is not loaded, naming it', () => {
      expect(() => calendar.addWorkingDays('2026-12-30', 3)).toThrow(
        expect.objectContaining({
          code: 'calendar-year-unknown',
          kind: 'conflict',
          details: { year: 2027 },
          message:
            "the working-day calendar has no data for 2027 (it holds 2025, 2026); load the State Council's holiday " +
            'notice for 2027 before a period may run into it',
        }),
      );
    });

    it('refuses a negative or fractional count', () => {
      expect(() => calendar.addWorkingDays('2026-03-13', -1)).toThrow(
        expect.objectContaining({ code: 'invalid-working-days', kind: 'invalid' }),
      );
      expect(() => calendar.addWorkingDays('2026-03-13', 1.5)).toThrow(/got 1.5/);
    });
  });

  describe('a year that is not loaded', () => {
    it('is refused, never guessed from weekends', () => {
      expect(() => calendar.isWorkingDay('2024-05-06')).toThrow(
        expect.objectContaining({ code: 'calendar-year-unknown', details: { year: 2024 } }),
      );
    });

    it('is refused by an empty calendar too', () => {
      expect(() => new WorkingDayCalendar([]).isWorkingDay('2026-01-05')).toThrow(/it holds no year/);
    });
  });

  it('refuses the same year given twice', () => {
    const year = { year: 2026, source: 'notice', holidays: ['2026-01-01'], makeUpWorkdays: [] };
    expect(() => new WorkingDayCalendar([year, year])).toThrow(
      expect.objectContaining({ code: 'invalid-calendar-year', message: 'calendar year 2026 is given twice' }),
    );
  });

  it('validates years built by hand as strictly as parsed ones', () => {
    const year = { year: 2026, source: 'notice', holidays: ['2026-01-01'], makeUpWorkdays: ['2026-01-06'] };
    expect(() => new WorkingDayCalendar([year])).toThrow(/2026-01-06 is a weekday/);
  });

  it('refuses a malformed date', () => {
    expect(() => calendar.isWorkingDay('2026-2-1')).toThrow(expect.objectContaining({ code: 'invalid-date' }));
  });
});
