import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { CommandAccepted, commandAccepted } from '../../http/command-response';
import { dossierStreamOf } from '../shared/dossier-stream';
import { SubmitDossierCommand } from './submit-dossier.command';

@ApiTags('申报 dossiers')
@ApiBearerAuth()
@Controller('api/v1/dossiers/:dossierId/submit')
export class SubmitDossierController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('applicant')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Submit your dossier before the deadline (or resubmit it after correction)',
    description: 'An incomplete dossier is refused with details.missing: each {kind, code, name} still to provide.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the revision (ETag) you reviewed' })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  async submit(@Param('dossierId') dossierId: string, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<CommandAccepted> {
    const result = await this.commands.execute(new SubmitDossierCommand(dossierId, context));
    return commandAccepted(response, dossierId, dossierStreamOf(dossierId), result);
  }
}
