import type { RecordedEvent } from '@app/event-store';
import { beijingInputOf, beijingInstantOf, eventsBetween } from './history-moments';

const at = (id: string, occurredAt: string, commit: number): RecordedEvent => ({
  eventId: id,
  streamId: 's',
  revision: 0n,
  position: { commit: BigInt(commit), prepare: 1n },
  type: 'T',
  data: {},
  metadata: { occurredAt },
  recordedAt: '2026-12-01T00:00:00.000Z',
});

describe('the audit page’s two moments', () => {
  it('given a datetime-local value, reads it as Beijing time and writes it back the same', () => {
    const instant = beijingInstantOf('2026-04-10T09:00');
    expect(instant).toBe(Date.parse('2026-04-10T01:00:00Z'));
    expect(beijingInputOf(instant as number)).toBe('2026-04-10T09:00');
    expect(beijingInstantOf('')).toBeNull();
    expect(beijingInstantOf('yesterday')).toBeNaN();
  });

  it('given streams, keeps what happened after the first moment and up to the second, in time order', () => {
    const one = [at('a', '2026-04-01T01:00:00Z', 1), at('c', '2026-04-20T01:00:00Z', 5)];
    const two = [at('b', '2026-04-10T01:00:00Z', 3), at('d', '2026-05-01T01:00:00Z', 7)];
    const ids = eventsBetween([one, two], Date.parse('2026-04-01T01:00:00Z'), Date.parse('2026-04-20T01:00:00Z')).map((event) => event.eventId);
    expect(ids).toEqual(['b', 'c']);
  });
});
