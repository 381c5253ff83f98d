import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { CommandAccepted, commandAccepted } from '../../http/command-response';
import { dossierStreamOf } from '../shared/dossier-stream';
import { WithdrawDossierCommand } from './withdraw-dossier.command';
import { WithdrawDossierRequest } from './withdraw-dossier.request.dto';

@ApiTags('申报 dossiers')
@ApiBearerAuth()
@Controller('api/v1/dossiers/:dossierId/withdraw')
export class WithdrawDossierController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('applicant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw your dossier, with a reason (until expert review closes)' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  async withdraw(
    @Param('dossierId') dossierId: string,
    @Body() body: WithdrawDossierRequest,
    @Context() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commands.execute(new WithdrawDossierCommand(dossierId, body.reason, context));
    return commandAccepted(response, dossierId, dossierStreamOf(dossierId), result);
  }
}
