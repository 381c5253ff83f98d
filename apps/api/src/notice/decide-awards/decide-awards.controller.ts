import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { selectionStreamOf } from '@app/domain/selection';
import type { UnitOfWorkResult } from '@app/platform';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { commandAccepted } from '../../http/command-response';
import { AwardsDecidedResponse } from './awards-decided.response.dto';
import { DecideAwardsCommand } from './decide-awards.command';
import type { AwardsDecidedSummary } from './decide-awards.handler';
import { DecideAwardsRequest } from './decide-awards.request.dto';

@ApiTags('奖补 awards')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId/awards')
export class DecideAwardsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Decide the final list and amounts after the notice (不重复享受 applied), once no objection is open (admin)',
    description:
      'Each money line is also written to the fund ledger of its applicant in the same atomic append, so two decisions at the same moment cannot both pay a project. ' +
      'A 409 project-identity-unclear lists, in details.candidates, pairs whose project code and title point different ways; send identityDeclarations for them and decide again.',
  })
  @ApiCreatedResponse({ type: AwardsDecidedResponse })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  async decide(
    @Param('selectionId') selectionId: string,
    @Body() body: DecideAwardsRequest,
    @Context() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AwardsDecidedResponse> {
    const declarations = (body?.identityDeclarations ?? []).map(({ dossierId, otherDossierId, sameProject }) => ({ dossierId, otherDossierId, sameProject }));
    const result: UnitOfWorkResult<AwardsDecidedSummary> = await this.commands.execute(new DecideAwardsCommand(selectionId, context, declarations));
    return { ...commandAccepted(response, selectionId, selectionStreamOf(selectionId), result), ...result.value };
  }
}
