import { eventTime } from '@app/event-store';
import type { RecordedEvent } from '@app/event-store';

/**
 * The audit page's moments: a `datetime-local` value (no offset) is Beijing time. Null when empty,
 * NaN when it is no instant.
 */
export function beijingInstantOf(value: unknown): number | null {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return Number.NaN;
  return Date.parse(`${value.length === 16 ? `${value}:00` : value}+08:00`);
}

/** The `datetime-local` value of an instant, in Beijing time. */
export function beijingInputOf(instant: number): string {
  return new Date(instant + 8 * 3_600_000).toISOString().slice(0, 16);
}

/** The events that happened after `from` and up to `to` (business time), across streams, in that order. */
export function eventsBetween(streams: Iterable<readonly RecordedEvent[]>, from: number, to: number): RecordedEvent[] {
  const between: RecordedEvent[] = [];
  for (const events of streams) {
    for (const event of events) {
      const at = eventTime(event);
      if (at > from && at <= to) between.push(event);
    }
  }
  return between.sort((a, b) => eventTime(a) - eventTime(b) || (a.position.commit === b.position.commit ? Number(a.position.prepare - b.position.prepare) : a.position.commit < b.position.commit ? -1 : 1));
}
