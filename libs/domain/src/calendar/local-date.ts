import { refuse } from '../shared/refusal';

/**
 * A calendar date without time, `YYYY-MM-DD`, meant in Asia/Shanghai. Arithmetic runs on UTC
 * midnights so that the machine's own time zone never matters.
 */
export type LocalDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export const SATURDAY = 6;
export const SUNDAY = 0;

/** True for a real date written `YYYY-MM-DD` (2026-02-29 is not one). */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
}

/** Refuses (`invalid-date`, kind invalid) anything that is not a real `YYYY-MM-DD` date. */
export function assertLocalDate(value: unknown, what = 'date'): LocalDate {
  if (!isLocalDate(value)) {
    throw refuse('invalid-date', `${what} must be a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`, 'invalid');
  }
  return value;
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

export function isWeekend(date: LocalDate): boolean {
  const day = dayOfWeek(date);
  return day === SATURDAY || day === SUNDAY;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

function utcMidnight(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}
