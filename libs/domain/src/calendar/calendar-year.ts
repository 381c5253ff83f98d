import { refuse } from '../shared/refusal';
import { LocalDate, isLocalDate, isWeekend, yearOf } from './local-date';

/**
 * One year of the State Council's holiday notice (国务院办公厅关于××年部分节假日安排的通知).
 *
 * `holidays` lists every day off the notice announces, weekends inside a holiday block included
 * (e.g. 2025 春节 is 01-28 … 02-04, eight dates), so the data reads like the notice itself.
 * `makeUpWorkdays` lists the Saturdays and Sundays worked instead (调休上班).
 * Every other Saturday and Sunday is a rest day and every other weekday a working day.
 */
export interface CalendarYear {
  readonly year: number;
  readonly holidays: readonly LocalDate[];
  readonly makeUpWorkdays: readonly LocalDate[];
  /** The notice the dates come from, named so that anyone can check them. */
  readonly source: string;
}

const KNOWN_KEYS = new Set(['year', 'holidays', 'makeUpWorkdays', 'source']);

/**
 * Validates one year's data (as read from `seeds/calendar/{year}.json` or loaded by an administrator)
 * and returns it with its dates sorted. Refuses `invalid-calendar-year` (kind invalid) listing every
 * problem found, so a wrong file is fixed in one go.
 */
export function parseCalendarYear(json: unknown): CalendarYear {
  const problems = calendarYearProblems(json);
  if (problems.length > 0) {
    const year = isRecord(json) && Number.isInteger(json.year) ? ` ${String(json.year)}` : '';
    throw refuse('invalid-calendar-year', `calendar year${year} is not valid: ${problems.join('; ')}`, 'invalid', {
      problems,
    });
  }
  const data = json as { year: number; holidays: string[]; makeUpWorkdays: string[]; source: string };
  return {
    year: data.year,
    holidays: [...data.holidays].sort(),
    makeUpWorkdays: [...data.makeUpWorkdays].sort(),
    source: data.source.trim(),
  };
}

/** Every reason the value is not a usable calendar year; empty when it is one. */
export function calendarYearProblems(json: unknown): string[] {
  if (!isRecord(json)) return ['expected an object with year, source, holidays and makeUpWorkdays'];
  const problems: string[] = [];

  // Keys starting with $ are comments ($comment), the JSON Schema convention.
  for (const key of Object.keys(json)) {
    if (!KNOWN_KEYS.has(key) && !key.startsWith('$')) problems.push(`unknown field "${key}"`);
  }

  const year = json.year;
  const yearIsValid = typeof year === 'number' && Number.isInteger(year) && year >= 1000 && year <= 9999;
  if (!yearIsValid) problems.push(`year must be a four-digit whole number, got ${JSON.stringify(year)}`);

  if (typeof json.source !== 'string' || json.source.trim() === '') {
    problems.push('source must name the notice the dates come from');
  }

  const holidays = dateList(json.holidays, 'holidays', yearIsValid ? (year as number) : null, problems);
  const makeUpWorkdays = dateList(json.makeUpWorkdays, 'makeUpWorkdays', yearIsValid ? (year as number) : null, problems);

  if (holidays && holidays.length === 0) {
    problems.push('holidays is empty; every year has public holidays, so the notice has not been entered');
  }
  if (makeUpWorkdays) {
    for (const date of makeUpWorkdays) {
      if (isLocalDate(date) && !isWeekend(date)) {
        problems.push(`make-up working day ${date} is a weekday, which is a working day anyway`);
      }
    }
  }
  if (holidays && makeUpWorkdays) {
    const holidaySet = new Set(holidays);
    for (const date of makeUpWorkdays) {
      if (holidaySet.has(date)) problems.push(`${date} is listed both as a holiday and as a make-up working day`);
    }
  }
  return problems;
}

function dateList(value: unknown, field: string, year: number | null, problems: string[]): string[] | null {
  if (!Array.isArray(value)) {
    problems.push(`${field} must be a list of YYYY-MM-DD dates`);
    return null;
  }
  const seen = new Set<string>();
  const dates: string[] = [];
  for (const item of value) {
    if (!isLocalDate(item)) {
      problems.push(`${field} contains ${JSON.stringify(item)}, which is not a real YYYY-MM-DD date`);
      continue;
    }
    if (year !== null && yearOf(item) !== year) problems.push(`${field} contains ${item}, which is outside ${year}`);
    if (seen.has(item)) problems.push(`${field} lists ${item} twice`);
    seen.add(item);
    dates.push(item);
  }
  return dates;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
