import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../../auth/access.decorators';
import { Context, RequestContext } from '../../../auth/request-context';
import { refuse } from '@app/domain/shared/refusal';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { AssignmentRound, DEFAULT_DRAW_RESERVES, PlanAssignmentsCommand } from './plan-assignments.command';
import { AssignmentPlanResponse, PlanAssignmentsRequest } from './plan-assignments.request.dto';

@ApiTags('评审分配 assignments')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId/assignments')
export class PlanAssignmentsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: "Start expert review: plan who reviews which passed dossier (conflicts avoided, loads balanced), or draw them at random with method 'draw' (专家抽取), and assign them" })
  @ApiCreatedResponse({ type: AssignmentPlanResponse })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  plan(@Param('selectionId') selectionId: string, @Body() body: PlanAssignmentsRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response) {
    return this.run(selectionId, 'plan', body, context, response);
  }

  @Post('replacements')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: "Plan and assign replacements for places freed by recusals, invalid scores or left unfilled; a drawn dossier's reserves come first, in the recorded order" })
  @ApiOkResponse({ type: AssignmentPlanResponse })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  replace(@Param('selectionId') selectionId: string, @Body() body: PlanAssignmentsRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response) {
    return this.run(selectionId, 'replacements', body, context, response);
  }

  private async run(selectionId: string, round: AssignmentRound, body: PlanAssignmentsRequest, context: RequestContext, response: Response): Promise<AssignmentPlanResponse> {
    const draw = body.method === 'draw' ? { reservesPerDossier: body.reservesPerDossier ?? DEFAULT_DRAW_RESERVES } : undefined;
    if (!draw && body.reservesPerDossier !== undefined) {
      throw refuse('reserves-only-with-draw', "reservesPerDossier is given only with method 'draw'", 'invalid');
    }
    const plan: AssignmentPlanResponse = await this.commands.execute(new PlanAssignmentsCommand(selectionId, round, body.seed, context, body.reviewDeadlineDate, draw));
    response.setHeader('ETag', `"${plan.revision}"`);
    return plan;
  }
}
