import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { CommandAccepted, commandAccepted } from '../../http/command-response';
import { dossierStreamOf } from '../shared/dossier-stream';
import { FormalReviewCommand } from './formal-review.command';
import { FormalReviewRequest } from './formal-review.request.dto';

@ApiTags('申报 dossiers')
@ApiBearerAuth()
@Controller('api/v1/dossiers/:dossierId/formal-review')
export class FormalReviewController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: '形式审查: pass (with 核定投资额 for money programmes), return for correction, or reject' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  async review(
    @Param('dossierId') dossierId: string,
    @Body() body: FormalReviewRequest,
    @Context() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commands.execute(new FormalReviewCommand(dossierId, body, context));
    return commandAccepted(response, dossierId, dossierStreamOf(dossierId), result);
  }
}
