import { seedCalendar } from './calendar.test-support';
import { noticeWindow } from './notice-window';

describe('noticeWindow (公示 of N working days)', () => {
  const calendar = seedCalendar();

  it('given an ordinary week, a 5-day notice from Monday ends on Friday', () => {
    expect(noticeWindow(calendar, '2026-03-09', 5)).toEqual({
      startsOn: '2026-03-09',
      endsOn: '2026-03-13',
      workingDays: 5,
    });
  });

  it('counts the start day as day 1, so a 1-day notice ends on its start', () => {
    expect(noticeWindow(calendar, '2026-03-09', 1).endsOn).toBe('2026-03-09');
  });

  it('moves a start on a holiday to the next working day, which may be a make-up Sunday', () => {
    expect(noticeWindow(calendar, '2026-01-01', 1)).toEqual({
      startsOn: '2026-01-04',
      endsOn: '2026-01-04',
      workingDays: 1,
    });
  });

  it('skips the National Day week and counts the make-up Saturday after it', () => {
    // 09-29 Mon (1), 09-30 Tue (2), 10-01…08 off, 10-09 Thu (3), 10-10 Fri (4), 10-11 Sat worked (5)
    expect(noticeWindow(calendar, '2025-09-29', 5).endsOn).toBe('2025-10-11');
  });

  it('runs over the Spring Festival, counting both make-up Saturdays', () => {
    // 02-14 Sat worked (1), 02-15…23 off, 02-24…27 (2-5), 02-28 Sat worked (6), 03-02 Mon (7)
    expect(noticeWindow(calendar, '2026-02-14', 7)).toEqual({
      startsOn: '2026-02-14',
      endsOn: '2026-03-02',
      workingDays: 7,
    });
  });

  it('refuses a window that reaches a year the calendar does not hold, naming the year', () => {
    expect(() => noticeWindow(calendar, '2026-12-28', 7)).toThrow(
      expect.objectContaining({ code: 'calendar-year-unknown', details: { year: 2027 } }),
    );
    expect(() => noticeWindow(calendar, '2027-01-04', 5)).toThrow(/no data for 2027/);
  });

  it('refuses a length that is not a whole number of at least one working day', () => {
    for (const days of [0, -3, 2.5, Number.NaN]) {
      expect(() => noticeWindow(calendar, '2026-03-09', days)).toThrow(
        expect.objectContaining({ code: 'invalid-working-days', kind: 'invalid' }),
      );
    }
  });

  it('refuses a start that is not a date', () => {
    expect(() => noticeWindow(calendar, '9 March', 5)).toThrow(/notice start must be a real date/);
  });
});
