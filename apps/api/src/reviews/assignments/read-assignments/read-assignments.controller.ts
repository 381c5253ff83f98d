import { Controller, Get, Inject, Param } from '@nestjs/common';
import { shanghaiDate } from '@app/domain/calendar';
import { CLOCK } from '@app/platform';
import type { Clock } from '@app/platform';
import { DossierReadModel, ExpertReadModel, SelectionReadModel } from '@app/read-models';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/access.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { lateExpertsOf, reviewBoardOf } from './review-board';
import { ReviewBoardResponse } from './review-board.response.dto';
import { ExportableAs } from '../../../exports/export-format.interceptor';

@ApiTags('评审分配 assignments')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId')
export class ReadAssignmentsController {
  constructor(
    private readonly selections: SelectionReadModel,
    private readonly dossiers: DossierReadModel,
    private readonly experts: ExpertReadModel,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('assignments')
  @Roles('admin')
  @ApiOperation({ summary: 'Per dossier its experts and their status; per expert the load and progress' })
  @ApiOkResponse({ type: ReviewBoardResponse })
  @ApiErrors(401, 403, 404)
  assignments(@Param('selectionId') selectionId: string): Promise<ReviewBoardResponse> {
    return this.board(selectionId);
  }

  @Get('review-progress')
  @ExportableAs('review-progress')
  @Roles('admin')
  @ApiOperation({ summary: 'Scoring progress: scored / assigned per dossier and per expert, the scores still missing, and the experts late after the deadline' })
  @ApiOkResponse({ type: ReviewBoardResponse })
  @ApiErrors(401, 403, 404)
  progress(@Param('selectionId') selectionId: string): Promise<ReviewBoardResponse> {
    return this.board(selectionId);
  }

  private async board(selectionId: string): Promise<ReviewBoardResponse> {
    const { selection } = await this.selections.require(selectionId);
    const board = reviewBoardOf(await this.dossiers.byIds(selection.reviewDossierIds), await this.experts.all());
    const reviewDeadlineDate = selection.reviewDeadlineDate ?? null;
    const stillScoring = selection.phase === 'expert-review';
    return {
      selectionId,
      phase: selection.phase,
      ...board,
      reviewDeadlineDate,
      lateExperts: stillScoring ? lateExpertsOf(board, reviewDeadlineDate, shanghaiDate(this.clock.now())) : [],
    };
  }
}
