import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, formatPosition } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { refuse } from '@app/domain/shared/refusal';
import { Roles } from '../../auth/access.decorators';
import { ApiErrors } from '../../http/api-errors.decorator';
import { StreamEventsQuery } from './stream-events.query.dto';
import { StreamEventsResponse } from './stream-events.response.dto';

/** Every fact of a stream as it was recorded, with who caused it and under which request (audit). */
@ApiTags('审计 audit')
@ApiBearerAuth()
@Controller('api/v1/streams/:streamId/events')
export class StreamEventsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: "A stream's events with revision, type, data, actor, correlation and causation ids, times; paged by revision (admin)" })
  @ApiOkResponse({ type: StreamEventsResponse })
  @ApiErrors(400, 401, 403, 404)
  async read(@Param('streamId') streamId: string, @Query() query: StreamEventsQuery): Promise<StreamEventsResponse> {
    const last = await this.store.streamRevision(streamId);
    if (last === null) throw refuse('stream-not-found', `there is no stream "${streamId}"`, 'not-found');
    const limit = query.limit ?? 100;
    const events = await this.store.readStream(streamId, { fromRevision: BigInt(query.from ?? 0), maxCount: limit });
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
}
