import { Controller, Param, Post, Res } from '@nestjs/common';
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

@ApiTags('奖补 awards')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId/awards')
export class DecideAwardsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Decide the final list and amounts after the notice (不重复享受 applied), once no objection is open (admin)' })
  @ApiCreatedResponse({ type: AwardsDecidedResponse })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  async decide(@Param('selectionId') selectionId: string, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<AwardsDecidedResponse> {
    const result: UnitOfWorkResult<AwardsDecidedSummary> = await this.commands.execute(new DecideAwardsCommand(selectionId, context));
    return { ...commandAccepted(response, selectionId, selectionStreamOf(selectionId), result), ...result.value };
  }
}
