import { refuse } from '../shared/refusal';
import { CalendarYear, parseCalendarYear } from './calendar-year';
import { LocalDate, addDays, assertLocalDate, isWeekend, yearOf } from './local-date';

interface YearDays {
  readonly holidays: ReadonlySet<LocalDate>;
  readonly makeUpWorkdays: ReadonlySet<LocalDate>;
}

/**
 * The Chinese working-day calendar for the years whose holiday notice has been loaded.
 * Any question about a date in another year is refused (`calendar-year-unknown`): the State Council
 * publishes each year's 调休 only in November before, so a guess from weekends alone would be wrong.
 */
export class WorkingDayCalendar {
  private readonly days: ReadonlyMap<number, YearDays>;

  constructor(years: readonly CalendarYear[]) {
    const days = new Map<number, YearDays>();
    for (const given of years) {
      const year = parseCalendarYear(given);
      if (days.has(year.year)) {
        throw refuse('invalid-calendar-year', `calendar year ${year.year} is given twice`, 'invalid');
      }
      days.set(year.year, { holidays: new Set(year.holidays), makeUpWorkdays: new Set(year.makeUpWorkdays) });
    }
    this.days = days;
  }

  /** The loaded years, ascending. */
  get years(): number[] {
    return [...this.days.keys()].sort((a, b) => a - b);
  }

  knowsYear(year: number): boolean {
    return this.days.has(year);
  }

  isWorkingDay(date: LocalDate): boolean {
    assertLocalDate(date);
    const year = this.yearDays(yearOf(date));
    if (year.makeUpWorkdays.has(date)) return true;
    if (year.holidays.has(date)) return false;
    return !isWeekend(date);
  }

  /** The date itself when it is a working day, otherwise the next working day after it. */
  firstWorkingDayFrom(date: LocalDate): LocalDate {
    let day = assertLocalDate(date);
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  /**
   * The n-th working day after `start` (start itself not counted): Friday + 1 is the next Monday
   * in an ordinary week. n = 0 returns `start` unchanged.
   */
  addWorkingDays(start: LocalDate, n: number): LocalDate {
    assertLocalDate(start, 'start');
    if (!Number.isSafeInteger(n) || n < 0) {
      throw refuse('invalid-working-days', `number of working days must be a whole number ≥ 0, got ${n}`, 'invalid');
    }
    let day = start;
    for (let counted = 0; counted < n; ) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) counted += 1;
    }
    return day;
  }

  private yearDays(year: number): YearDays {
    const days = this.days.get(year);
    if (!days) {
      const loaded = this.years.length > 0 ? `it holds ${this.years.join(', ')}` : 'it holds no year';
      throw refuse(
        'calendar-year-unknown',
        `the working-day calendar has no data for ${year} (${loaded}); load the State Council's ` +
          `holiday notice for ${year} before a period may run into it`,
        'conflict',
        { year },
      );
    }
    return days;
  }
}
