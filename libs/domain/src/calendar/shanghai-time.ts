import { refuse } from '../shared/refusal';
import { LocalDate, assertLocalDate, isLocalDate } from './local-date';

/** China has kept UTC+08:00 without daylight saving since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

// An instant must carry its offset: a bare local time would be read in the server's own zone.
const INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of an ISO-8601 instant with `Z` or an explicit offset. */
export function instantToEpochMs(instant: string, what = 'instant'): number {
  const match = INSTANT_PATTERN.exec(instant);
  const epochMs = match && isLocalDate(match[1]) ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(epochMs)) {
    throw refuse(
      'invalid-instant',
      `${what} must be an ISO-8601 instant with Z or an offset, e.g. 2026-03-31T16:00:00Z; got ${JSON.stringify(instant)}`,
      'invalid',
    );
  }
  return epochMs;
}

/** The Asia/Shanghai calendar date of an instant: 2026-03-31T16:00:00Z is 2026-04-01 in Changsha. */
export function shanghaiDate(instant: string): LocalDate {
  return new Date(instantToEpochMs(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The last millisecond of a Shanghai date as a UTC instant: 2026-03-31 → 2026-03-31T15:59:59.999Z.
 * A deadline "on 2026-03-31" is open while `now <= endOfShanghaiDay('2026-03-31')`.
 */
export function endOfShanghaiDay(date: LocalDate): string {
  assertLocalDate(date);
  const startOfNextDayUtc = Date.parse(`${date}T00:00:00Z`) + 86_400_000 - SHANGHAI_OFFSET_MS;
  return new Date(startOfNextDayUtc - 1).toISOString();
}
