import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { selectionStreamOf } from '@app/domain/selection';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { CommandAccepted, commandAccepted } from '../../http/command-response';
import { CloseReviewCommand } from './close-review.command';

@ApiTags('专家评审 reviews')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId/close-review')
export class CloseReviewController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close expert review: aggregate the scores and freeze the ranked shortlist with its reserves' })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiErrors(401, 403, 404, 409, 412)
  async close(@Param('selectionId') selectionId: string, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<CommandAccepted> {
    const result = await this.commands.execute(new CloseReviewCommand(selectionId, context));
    return commandAccepted(response, selectionId, selectionStreamOf(selectionId), result);
  }
}
