import { formatPosition } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { refuse } from '@app/domain/shared/refusal';
import type { StreamEventsResponse } from './stream-events.response.dto';

/** One page of a stream's events as recorded, with who caused each and under which request (audit). */
export async function readStreamEvents(store: EventStore, streamId: string, page: { from?: string | number; limit?: number }): Promise<StreamEventsResponse> {
  const last = await store.streamRevision(streamId);
  if (last === null) throw refuse('stream-not-found', `there is no stream "${streamId}"`, 'not-found');
  const limit = page.limit ?? 100;
  const events = await store.readStream(streamId, { fromRevision: BigInt(page.from ?? 0), maxCount: limit });
  const next = events.length === limit ? events[events.length - 1].revision + 1n : null;
  return {
    streamId,
    lastRevision: last.toString(),
    events: events.map((event) => {
      const { actor, correlationId, causationId, occurredAt, command } = event.metadata;
      return {
        revision: event.revision.toString(),
        eventId: event.eventId,
        type: event.type,
        data: event.data,
        metadata: { actor, correlationId, causationId, occurredAt, command: command as string | undefined },
        position: formatPosition(event.position),
        recordedAt: event.recordedAt,
      };
    }),
    nextFrom: next !== null && next <= last ? next.toString() : null,
  };
}
