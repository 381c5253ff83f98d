import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { CommandAccepted, commandAccepted } from '../../http/command-response';
import { dossierStreamOf } from '../shared/dossier-stream';
import { DraftDossierCommand } from './draft-dossier.command';
import { DraftDossierRequest } from './draft-dossier.request.dto';

@ApiTags('申报 dossiers')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId/dossiers')
export class DraftDossierController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('applicant')
  @ApiOperation({ summary: 'Draft a dossier for your own organisation while the call is open' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiErrors(400, 401, 403, 404, 409)
  async draft(
    @Param('selectionId') selectionId: string,
    @Body() body: DraftDossierRequest,
    @Context() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commands.execute(new DraftDossierCommand(selectionId, body, context));
    response.setHeader('Location', `/api/v1/dossiers/${result.value}`);
    return commandAccepted(response, result.value, dossierStreamOf(result.value), result);
  }
}
