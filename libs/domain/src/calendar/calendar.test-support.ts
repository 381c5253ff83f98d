// The calendar built from the real seed files, for specs here and in the deciders.
import calendar2025 from '../../../../seeds/calendar/2025.json';
import calendar2026 from '../../../../seeds/calendar/2026.json';
import { loadCalendarYears } from './load-calendar-years';
import { WorkingDayCalendar } from './working-day-calendar';

export const seedCalendarJsons: readonly unknown[] = [calendar2025, calendar2026];

export function seedCalendar(): WorkingDayCalendar {
  return loadCalendarYears(seedCalendarJsons);
}
