import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { finalRankingOf } from '@app/domain/programmes';
import { selectionStreamOf, stageBoardsOf } from '@app/domain/selection';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { CommandAccepted, commandAccepted } from '../../http/command-response';
import { StreamDirectory } from '../../workflow/stream-directory';
import { ReviewReads } from '../review-reads';
import { CloseReviewStageCommand } from './close-stage.command';
import { FormPanelCommand } from './form-panel.command';
import { FormPanelRequest, PanelResponse } from './form-panel.request.dto';
import { StageBoardsResponse } from './stage-boards.response.dto';

/** Review stages (通讯评审 → 会议评审/答辩): close a stage, form the next stage's panel, the scoreboard per stage and combined. */
@ApiTags('专家评审 reviews')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId')
export class ReviewStagesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly directory: StreamDirectory,
    private readonly reads: ReviewReads,
  ) {}

  @Post('close-stage')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the review stage in progress (not the last): rank it and put forward who the stage\'s rule says; the next stage opens' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiErrors(401, 403, 404, 409, 412)
  async closeStage(@Param('selectionId') selectionId: string, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<CommandAccepted> {
    const result = await this.commands.execute(new CloseReviewStageCommand(selectionId, context));
    return commandAccepted(response, selectionId, selectionStreamOf(selectionId), result);
  }

  @Post('panel')
  @Roles('admin')
  @ApiOperation({ summary: 'Form the panel of the stage in progress: members checked against every dossier, a conflicted member recused from that dossier only' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiCreatedResponse({ type: PanelResponse })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  async formPanel(
    @Param('selectionId') selectionId: string,
    @Body() body: FormPanelRequest,
    @Context() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PanelResponse> {
    const panel: PanelResponse = await this.commands.execute(new FormPanelCommand(selectionId, body, context));
    response.setHeader('ETag', `"${panel.revision}"`);
    return panel;
  }

  @Get('stages')
  @Roles('admin')
  @ApiOperation({ summary: 'The review stages with each one\'s scoreboard (progress while it runs) and the combined ranking figure' })
  @ApiOkResponse({ type: StageBoardsResponse })
  @ApiErrors(401, 403, 404)
  async stages(@Param('selectionId') selectionId: string): Promise<StageBoardsResponse> {
    const { value: selection } = await this.directory.selection(selectionId);
    const dossiers = await this.reads.passedDossiersOf(selection);
    const { stages, combined } = stageBoardsOf(selection, dossiers);
    return {
      selectionId,
      stage: selection.stage,
      finalRanking: finalRankingOf(selection.rules),
      stages: stages.map((board) => ({
        ...board,
        rows: board.rows.map((row) => ({
          ...row,
          aggregate: row.aggregate && {
            aggregate: row.aggregate.aggregate,
            mean: row.aggregate.mean,
            median: row.aggregate.median,
            min: row.aggregate.minimum,
            max: row.aggregate.maximum,
            disagreement: row.aggregate.disagreement,
          },
        })),
      })),
      combined: combined.map((row) => ({ ...row, byStage: { ...row.byStage } })),
    };
  }
}
