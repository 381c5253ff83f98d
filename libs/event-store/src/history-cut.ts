import { GlobalPosition, comparePositions } from './global-position';
import { RecordedEvent } from './recorded-event';

/**
 * A moment of the history to read an aggregate as of (time travel): an instant, compared with each
 * event's business time (`metadata.occurredAt`, the command's clock; the store's `recordedAt` when an
 * event has none), or a global position. Either way only a stream's prefix is kept: the events up to
 * the first one past the cut, so a fold sees exactly what had been decided by then.
 */
export type HistoryCut = { readonly asOf: number } | { readonly position: GlobalPosition };

export function eventTime(event: RecordedEvent): number {
  const occurredAt = event.metadata?.occurredAt;
  return Date.parse(typeof occurredAt === 'string' ? occurredAt : event.recordedAt);
}

export function isWithinCut(event: RecordedEvent, cut: HistoryCut): boolean {
  return 'asOf' in cut ? eventTime(event) <= cut.asOf : comparePositions(event.position, cut.position) <= 0;
}

/** The stream's events up to the cut (a stream is in revision order). */
export function upToCut(events: readonly RecordedEvent[], cut: HistoryCut): RecordedEvent[] {
  const end = events.findIndex((event) => !isWithinCut(event, cut));
  return end < 0 ? [...events] : events.slice(0, end);
}
