import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { selectionStreamOf } from '@app/domain/selection';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { CommandAccepted, commandAccepted } from '../../http/command-response';
import { PublishAwardsCommand } from './publish-awards.command';

@ApiTags('奖补 awards')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId/awards/publish')
export class PublishAwardsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish the decided award list; the list and the annex documents become public (admin)' })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiErrors(401, 403, 404, 409, 412)
  async publish(@Param('selectionId') selectionId: string, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<CommandAccepted> {
    const result = await this.commands.execute(new PublishAwardsCommand(selectionId, context));
    return commandAccepted(response, selectionId, selectionStreamOf(selectionId), result);
  }
}
