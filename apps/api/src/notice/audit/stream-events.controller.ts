import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { Roles } from '../../auth/access.decorators';
import { ApiErrors } from '../../http/api-errors.decorator';
import { readStreamEvents } from './read-stream-events';
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
  read(@Param('streamId') streamId: string, @Query() query: StreamEventsQuery): Promise<StreamEventsResponse> {
    return readStreamEvents(this.store, streamId, query);
  }
}
