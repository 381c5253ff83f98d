// The calendar built from the real seed files, for specs here and in the deciders.
import { readSeedJson } from '../shared/seed-json.test-support';
import { loadCalendarYears } from './load-calendar-years';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar2025 = readSeedJson('calendar/2025.json');
const calendar2026 = readSeedJson('calendar/2026.json');

export const seedCalendarJsons: readonly unknown[] = [calendar2025, calendar2026];

export function seedCalendar(): WorkingDayCalendar {
  return loadCalendarYears(seedCalendarJsons);
}
