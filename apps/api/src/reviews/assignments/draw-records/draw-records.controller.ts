import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { verifyRecordedDraw } from '@app/domain/dossier';
import type { DrawVerification } from '@app/domain/dossier';
import { refuse } from '@app/domain/shared/refusal';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { Roles } from '../../../auth/access.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { StreamDirectory } from '../../../workflow/stream-directory';
import { dossierStreamOf } from '../../review-facts';
import { DrawVerificationResponse, SelectionDrawsResponse } from './draw-records.response.dto';

/**
 * 专家抽取 checked by anyone with the record: each draw is replayed from the ExpertsDrawn event on
 * its dossier stream (never from a read model), and the assignments after it are compared with it.
 */
@ApiTags('评审分配 assignments')
@ApiBearerAuth()
@Controller('api/v1')
export class DrawRecordsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: StreamDirectory,
  ) {}

  @Get('dossiers/:dossierId/draw')
  @Roles('admin')
  @ApiOperation({ summary: "Replay a dossier's recorded draw from its event: whether the seed and candidates give the recorded experts and reserves" })
  @ApiOkResponse({ type: DrawVerificationResponse })
  @ApiErrors(401, 403, 404)
  async dossierDraw(@Param('dossierId') dossierId: string): Promise<DrawVerificationResponse> {
    const events = await this.store.readStream(dossierStreamOf(dossierId));
    if (events.length === 0) throw refuse('dossier-not-found', `there is no dossier "${dossierId}"`, 'not-found');
    const verification = verifyRecordedDraw(events);
    if (!verification) throw refuse('draw-not-found', `the experts of dossier ${dossierId} were not drawn`, 'not-found');
    return responseOf(verification);
  }

  @Get('selections/:selectionId/draws')
  @Roles('admin')
  @ApiOperation({ summary: 'Replay every recorded draw of a selection from the dossier streams (read in batches)' })
  @ApiOkResponse({ type: SelectionDrawsResponse })
  @ApiErrors(401, 403, 404)
  async selectionDraws(@Param('selectionId') selectionId: string): Promise<SelectionDrawsResponse> {
    const { value: selection } = await this.directory.selection(selectionId); // 404 first
    const streamIds = selection.reviewDossierIds.map(dossierStreamOf);
    const streams = await this.store.readStreams(streamIds);
    const dossiers = streamIds.flatMap((streamId) => {
      const verification = verifyRecordedDraw(streams.get(streamId) ?? []);
      return verification ? [responseOf(verification)] : [];
    });
    return {
      selectionId,
      drawnDossiers: dossiers.length,
      allReproduce: dossiers.every((dossier) => dossier.reproduces && dossier.assignmentsFollowRecord),
      dossiers,
    };
  }
}

function responseOf(verification: DrawVerification): DrawVerificationResponse {
  return {
    ...verification,
    candidates: [...verification.candidates],
    drawn: [...verification.drawn],
    reserves: [...verification.reserves],
    replayed: { drawn: [...verification.replayed.drawn], reserves: [...verification.replayed.reserves] },
    reservesCalled: verification.reservesCalled.map((call) => ({ ...call })),
  };
}
