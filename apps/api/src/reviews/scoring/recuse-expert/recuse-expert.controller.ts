import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../../auth/access.decorators';
import { Context, RequestContext } from '../../../auth/request-context';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { CommandAccepted, commandAccepted } from '../../../http/command-response';
import { dossierStreamOf } from '../../review-facts';
import { RecuseExpertCommand } from './recuse-expert.command';
import { RecuseMyselfRequest } from './recuse-expert.request.dto';

@ApiTags('专家评审 reviews')
@ApiBearerAuth()
@Controller('api/v1/dossiers/:dossierId/recusal')
export class RecuseExpertController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('expert')
  @HttpCode(200)
  @ApiOperation({ summary: 'Declare a conflict with a dossier assigned to you and step back from it (回避)' })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  async recuse(@Param('dossierId') dossierId: string, @Body() body: RecuseMyselfRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<CommandAccepted> {
    const result = await this.commands.execute(new RecuseExpertCommand(dossierId, body.reason, context));
    return commandAccepted(response, dossierId, dossierStreamOf(dossierId), result);
  }
}
