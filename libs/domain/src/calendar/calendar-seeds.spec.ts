import { readSeedJson } from '../shared/seed-json.test-support';
import { parseCalendarYear } from './calendar-year';
import { addDays, isWeekend } from './local-date';
import { seedCalendar } from './calendar.test-support';

const calendar2025 = readSeedJson('calendar/2025.json');
const calendar2026 = readSeedJson('calendar/2026.json');

/** Every date from `first` to `last`, both included. */
function range(first: string, last: string): string[] {
  const dates = [first];
  while (dates[dates.length - 1] !== last) dates.push(addDays(dates[dates.length - 1], 1));
  return dates;
}

function workingDaysIn(year: number): number {
  const calendar = seedCalendar();
  return range(`${year}-01-01`, `${year}-12-31`).filter((date) => calendar.isWorkingDay(date)).length;
}

describe('seeds/calendar, checked against the State Council notices', () => {
  describe('2025 (国办发明电〔2024〕12号)', () => {
    const year = parseCalendarYear(calendar2025);

    it('names its notice', () => {
      expect(year.source).toContain('国办发明电〔2024〕12号');
    });

    it('holds the six holiday blocks of the notice and nothing else', () => {
      expect(year.holidays).toEqual([
        '2025-01-01',
        ...range('2025-01-28', '2025-02-04'), // 春节, 8 days
        ...range('2025-04-04', '2025-04-06'), // 清明节
        ...range('2025-05-01', '2025-05-05'), // 劳动节
        ...range('2025-05-31', '2025-06-02'), // 端午节
        ...range('2025-10-01', '2025-10-08'), // 国庆节、中秋节, 8 days
      ]);
    });

    it('holds the five make-up working days', () => {
      expect(year.makeUpWorkdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    });
  });

  describe('2026 (notice of 2025-11-04)', () => {
    const year = parseCalendarYear(calendar2026);

    it('names its notice', () => {
      expect(year.source).toContain('2026年部分节假日安排');
      expect(year.source).toContain('2025-11-04');
    });

    it('holds the seven holiday blocks of the notice and nothing else', () => {
      expect(year.holidays).toEqual([
        ...range('2026-01-01', '2026-01-03'), // 元旦
        ...range('2026-02-15', '2026-02-23'), // 春节, 9 days
        ...range('2026-04-04', '2026-04-06'), // 清明节
        ...range('2026-05-01', '2026-05-05'), // 劳动节
        ...range('2026-06-19', '2026-06-21'), // 端午节
        ...range('2026-09-25', '2026-09-27'), // 中秋节
        ...range('2026-10-01', '2026-10-07'), // 国庆节
      ]);
    });

    it('holds the six make-up working days', () => {
      expect(year.makeUpWorkdays).toEqual([
        '2026-01-04',
        '2026-02-14',
        '2026-02-28',
        '2026-05-09',
        '2026-09-20',
        '2026-10-10',
      ]);
    });
  });

  it('loses exactly the 13 statutory holiday days of each year, net of make-up days', () => {
    for (const json of [calendar2025, calendar2026]) {
      const year = parseCalendarYear(json);
      const weekdaysOff = year.holidays.filter((date) => !isWeekend(date)).length;
      expect(weekdaysOff - year.makeUpWorkdays.length).toBe(13);
    }
  });

  it('gives 248 working days in each of 2025 and 2026', () => {
    expect(workingDaysIn(2025)).toBe(248);
    expect(workingDaysIn(2026)).toBe(248);
  });
});
