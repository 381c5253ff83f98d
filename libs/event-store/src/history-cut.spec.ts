import { RecordedEvent } from './recorded-event';
import { upToCut } from './history-cut';

const event = (revision: number, occurredAt: string | undefined, recordedAt: string, commit: number): RecordedEvent => ({
  eventId: `e${revision}`,
  streamId: 'selection-x',
  revision: BigInt(revision),
  position: { commit: BigInt(commit), prepare: BigInt(revision + 1) },
  type: 'Something',
  data: {},
  metadata: occurredAt ? { occurredAt } : {},
  recordedAt,
});

describe('reading a stream as of a moment', () => {
  const stream = [
    event(0, '2026-03-02T01:00:00.000Z', '2026-12-01T08:00:00.000Z', 10),
    event(1, '2026-04-01T01:00:00.000Z', '2026-12-01T08:00:01.000Z', 12),
    event(2, undefined, '2026-12-01T08:00:02.000Z', 15),
    event(3, '2026-04-20T01:00:00.000Z', '2026-12-01T08:00:03.000Z', 20),
  ];
  const revisions = (events: RecordedEvent[]) => events.map((e) => Number(e.revision));

  it('given an instant, keeps the events whose business time is at or before it', () => {
    expect(revisions(upToCut(stream, { asOf: Date.parse('2026-04-01T09:00:00+08:00') }))).toEqual([0, 1]);
    expect(revisions(upToCut(stream, { asOf: Date.parse('2026-03-01T00:00:00Z') }))).toEqual([]);
  });

  it('given an instant, an event without a business time is placed at the moment the store wrote it, and the prefix stops there', () => {
    expect(revisions(upToCut(stream, { asOf: Date.parse('2026-06-01T00:00:00Z') }))).toEqual([0, 1]);
    expect(revisions(upToCut(stream, { asOf: Date.parse('2027-01-01T00:00:00Z') }))).toEqual([0, 1, 2, 3]);
  });

  it('given a global position, keeps the events at or before it', () => {
    expect(revisions(upToCut(stream, { position: { commit: 15n, prepare: 3n } }))).toEqual([0, 1, 2]);
    expect(revisions(upToCut(stream, { position: { commit: 14n, prepare: 999n } }))).toEqual([0, 1]);
  });
});
