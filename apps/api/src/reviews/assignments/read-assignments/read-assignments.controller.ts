import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/access.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { StreamDirectory } from '../../../workflow/stream-directory';
import { ReviewReads } from '../../review-reads';
import { reviewBoardOf } from './review-board';
import { ReviewBoardResponse } from './review-board.response.dto';

@ApiTags('评审分配 assignments')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId')
export class ReadAssignmentsController {
  constructor(
    private readonly directory: StreamDirectory,
    private readonly reads: ReviewReads,
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
  @Roles('admin')
  @ApiOperation({ summary: 'Scoring progress: scored / assigned per dossier and per expert, and the scores still missing' })
  @ApiOkResponse({ type: ReviewBoardResponse })
  @ApiErrors(401, 403, 404)
  progress(@Param('selectionId') selectionId: string): Promise<ReviewBoardResponse> {
    return this.board(selectionId);
  }

  private async board(selectionId: string): Promise<ReviewBoardResponse> {
    const { value: selection } = await this.directory.selection(selectionId);
    const board = reviewBoardOf(await this.reads.reviewedDossiersOf(selection), await this.reads.experts());
    return { selectionId, phase: selection.phase, ...board };
  }
}
