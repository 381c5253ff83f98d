import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../../auth/access.decorators';
import { Context, RequestContext } from '../../../auth/request-context';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { CommandAccepted, commandAccepted } from '../../../http/command-response';
import { expertStreamOf } from '../../review-facts';
import { DeactivateExpertCommand } from './deactivate-expert.command';
import { DeactivateExpertRequest } from './deactivate-expert.request.dto';

@ApiTags('专家 experts')
@ApiBearerAuth()
@Controller('api/v1/experts/:expertId/deactivate')
export class DeactivateExpertController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take an expert out of the pool for new assignments' })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  async deactivate(@Param('expertId') expertId: string, @Body() body: DeactivateExpertRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<CommandAccepted> {
    const result = await this.commands.execute(new DeactivateExpertCommand(expertId, body.reason, context));
    return commandAccepted(response, expertId, expertStreamOf(expertId), result);
  }
}
