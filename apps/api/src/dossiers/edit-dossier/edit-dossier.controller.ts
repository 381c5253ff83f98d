import { Body, Controller, Param, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { CommandAccepted, commandAccepted } from '../../http/command-response';
import { dossierStreamOf } from '../shared/dossier-stream';
import { EditDossierCommand } from './edit-dossier.command';
import { EditDossierRequest } from './edit-dossier.request.dto';

@ApiTags('申报 dossiers')
@ApiBearerAuth()
@Controller('api/v1/dossiers/:dossierId')
export class EditDossierController {
  constructor(private readonly commands: CommandBus) {}

  @Patch()
  @Roles('applicant')
  @ApiOperation({ summary: 'Edit your dossier while it is a draft (until the deadline) or returned for correction' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the revision (ETag) you edited; a stale one is 412' })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  async edit(
    @Param('dossierId') dossierId: string,
    @Body() body: EditDossierRequest,
    @Context() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commands.execute(new EditDossierCommand(dossierId, body, context));
    return commandAccepted(response, dossierId, dossierStreamOf(dossierId), result);
  }
}
