import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { selectionStreamOf } from '@app/domain/selection';
import type { NoticePeriod } from '@app/domain/selection';
import type { UnitOfWorkResult } from '@app/platform';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { commandAccepted } from '../../http/command-response';
import { NoticeStarted } from './notice-window.response.dto';
import { StartNoticeCommand } from './start-notice.command';
import { StartNoticeRequest } from './start-notice.request.dto';

@ApiTags('公示 public notice')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId/public-notice')
export class StartNoticeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Start the public notice (公示) of the frozen shortlist for N working days' })
  @ApiCreatedResponse({ type: NoticeStarted })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  async start(
    @Param('selectionId') selectionId: string,
    @Body() body: StartNoticeRequest,
    @Context() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<NoticeStarted> {
    const result: UnitOfWorkResult<NoticePeriod> = await this.commands.execute(new StartNoticeCommand(selectionId, body.startsOn, context));
    return { ...commandAccepted(response, selectionId, selectionStreamOf(selectionId), result), window: { ...result.value } };
  }
}
