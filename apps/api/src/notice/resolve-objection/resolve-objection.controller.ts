import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { UnitOfWorkResult } from '@app/platform';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { commandAccepted } from '../../http/command-response';
import { ObjectionResolvedResponse } from './objection-resolved.response.dto';
import { ResolveObjectionCommand } from './resolve-objection.command';
import type { ObjectionResolved } from './resolve-objection.handler';
import { ResolveObjectionRequest } from './resolve-objection.request.dto';

@ApiTags('异议 objections')
@ApiBearerAuth()
@Controller('api/v1/objections/:objectionId/resolution')
export class ResolveObjectionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Uphold (the dossier leaves the list, 递补) or dismiss an objection, with the finding (admin)' })
  @ApiOkResponse({ type: ObjectionResolvedResponse })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  async resolve(
    @Param('objectionId') objectionId: string,
    @Body() body: ResolveObjectionRequest,
    @Context() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ObjectionResolvedResponse> {
    const result: UnitOfWorkResult<ObjectionResolved> = await this.commands.execute(new ResolveObjectionCommand(objectionId, body, context));
    const { dossierId, selectionId, promotedDossierId } = result.value;
    return { ...commandAccepted(response, objectionId, `dossier-${dossierId}`, result), dossierId, selectionId, outcome: body.outcome, promotedDossierId };
  }
}
