import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { CommandAccepted, commandAccepted } from '../../http/command-response';
import { dossierStreamOf } from '../shared/dossier-stream';
import { ValidReviewsCommand } from './valid-reviews.command';
import { ValidReviewReasonRequest } from './valid-reviews.request.dto';

/** 有效评审意见不少于 N 份: what the admin does about a dossier below the minimum before closing review. */
@ApiTags('专家评审 reviews')
@ApiBearerAuth()
@Controller('api/v1/dossiers/:dossierId')
export class ValidReviewsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('reviews/:expertId/invalidation')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: "Declare an expert's score invalid with a reason (it no longer counts; a replacement round can fill the place)" })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  async invalidate(
    @Param('dossierId') dossierId: string,
    @Param('expertId') expertId: string,
    @Body() body: ValidReviewReasonRequest,
    @Context() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commands.execute(new ValidReviewsCommand(dossierId, { kind: 'invalidate-score', expertId }, body.reason, context));
    return commandAccepted(response, dossierId, dossierStreamOf(dossierId), result);
  }

  @Post('not-evaluable')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a dossier below the valid-review minimum as not evaluable, with a reason (it leaves the ranking)' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  async notEvaluable(
    @Param('dossierId') dossierId: string,
    @Body() body: ValidReviewReasonRequest,
    @Context() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commands.execute(new ValidReviewsCommand(dossierId, { kind: 'not-evaluable' }, body.reason, context));
    return commandAccepted(response, dossierId, dossierStreamOf(dossierId), result);
  }
}
