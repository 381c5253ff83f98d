import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Days the call stays open when the calendar allows it. */
export const DAYS_OPEN = 60;
/**
 * Days kept free between the deadline and the end of the last known calendar year, for formal review,
 * expert review and the notice (5 working days for 十大示范场景) — so the demo's own call can reach 公示
 * without a holiday notice nobody has published yet.
 */
export const DAYS_FOR_REVIEW_AND_NOTICE = 21;

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export interface DemoCallDeadline {
  readonly deadline: string;
  /** False when even a deadline of tomorrow leaves the notice running into a year with no holiday data. */
  readonly noticeFitsCalendar: boolean;
}

/**
 * The demo call's deadline: 60 days from today, but early enough that review and the notice end within
 * the last year whose holiday notice the system has; never before tomorrow.
 */
export function demoCallDeadline(today: string, lastKnownYear: number): DemoCallDeadline {
  const latest = addDays(`${lastKnownYear}-12-31`, -DAYS_FOR_REVIEW_AND_NOTICE);
  const tomorrow = addDays(today, 1);
  const wanted = addDays(today, DAYS_OPEN);
  const deadline = wanted <= latest ? wanted : latest >= tomorrow ? latest : tomorrow;
  return { deadline, noticeFitsCalendar: deadline <= latest };
}

/** The last year of seeds/calendar/<year>.json. */
export function lastSeedCalendarYear(seedsDir: string): number {
  const years = readdirSync(join(seedsDir, 'calendar'))
    .map((name) => /^(\d{4})\.json$/.exec(name)?.[1])
    .filter((year): year is string => year !== undefined)
    .map(Number);
  if (years.length === 0) throw new Error(`no calendar year in ${join(seedsDir, 'calendar')}`);
  return Math.max(...years);
}
