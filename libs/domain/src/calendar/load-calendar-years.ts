import { refuse } from '../shared/refusal';
import { CalendarYear, calendarYearProblems, parseCalendarYear } from './calendar-year';
import { WorkingDayCalendar } from './working-day-calendar';

/**
 * Builds the calendar from raw JSON documents (one per year, e.g. the files in seeds/calendar).
 * Validates every document and refuses `invalid-calendar-year` naming each bad document by its
 * position and year, plus any year given twice; nothing is loaded unless everything is valid.
 */
export function loadCalendarYears(jsons: readonly unknown[]): WorkingDayCalendar {
  const problems: string[] = [];
  const years: CalendarYear[] = [];
  const positionsByYear = new Map<number, number[]>();

  jsons.forEach((json, index) => {
    const label = describe(json, index);
    const found = calendarYearProblems(json);
    if (found.length > 0) {
      problems.push(`${label}: ${found.join('; ')}`);
      return;
    }
    const year = parseCalendarYear(json);
    positionsByYear.set(year.year, [...(positionsByYear.get(year.year) ?? []), index + 1]);
    years.push(year);
  });
  for (const [year, positions] of positionsByYear) {
    if (positions.length > 1) problems.push(`year ${year} is given more than once (documents ${positions.join(', ')})`);
  }

  if (problems.length > 0) {
    throw refuse('invalid-calendar-year', `calendar data is not valid: ${problems.join(' | ')}`, 'invalid', {
      problems,
    });
  }
  return new WorkingDayCalendar(years);
}

function describe(json: unknown, index: number): string {
  const year = typeof json === 'object' && json !== null ? (json as { year?: unknown }).year : undefined;
  return typeof year === 'number' ? `document ${index + 1} (year ${year})` : `document ${index + 1}`;
}
