import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { Roles } from '../auth/access.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { ChainAudit } from './chain-audit';
import { selectionHistoryLines, selectionHistoryStreams } from './selection-history';

@ApiTags('审计 audit')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId/history')
export class SelectionHistoryController {
  constructor(
    private readonly audit: ChainAudit,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: "A selection's complete history (its stream and its dossiers') as JSON Lines with every hash, for auditors; check it with tools/verify-history.mjs (admin)",
  })
  @ApiProduces('application/x-ndjson')
  @ApiResponse({ status: 200, description: 'header line, one line per event, closing line with each stream’s count and last hash' })
  @ApiErrors(401, 403, 404, 409)
  async export(@Param('selectionId') selectionId: string, @Res() response: Response): Promise<void> {
    const auditor = this.audit.require();
    const streamIds = await selectionHistoryStreams(this.store, selectionId);
    response
      .status(200)
      .type('application/x-ndjson; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="${selectionId}-history.jsonl"`);
    for await (const chunk of selectionHistoryLines(this.store, auditor, selectionId, streamIds)) {
      if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
    }
    response.end();
  }
}
