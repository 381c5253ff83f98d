import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { scoresInStage, scoringStageOf } from '@app/domain/dossier';
import type { Dossier } from '@app/domain/dossier';
import { reviewStageOf } from '@app/domain/programmes';
import { Roles } from '../../../auth/access.decorators';
import { Context, RequestContext } from '../../../auth/request-context';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { DossierReadModel, SelectionReadModel } from '@app/read-models';
import type { SelectionReviewTerms } from '@app/read-models';
import { MyAssignmentResponse } from './my-assignment.response.dto';

@ApiTags('专家评审 reviews')
@ApiBearerAuth()
@Controller('api/v1/me/assignments')
export class MyAssignmentsController {
  constructor(
    private readonly dossiers: DossierReadModel,
    private readonly selections: SelectionReadModel,
  ) {}

  @Get()
  @Roles('expert')
  @ApiOperation({ summary: 'The dossiers assigned to you across selections, with the rubric and whether you have scored' })
  @ApiOkResponse({ type: [MyAssignmentResponse] })
  @ApiErrors(401, 403)
  async mine(@Context() context: RequestContext): Promise<MyAssignmentResponse[]> {
    const expertId = context.metadata.actor.expertId;
    if (!expertId) return [];
    // Only the selections of his own dossiers (usually one), not every selection of every year.
    const [online, seated] = await Promise.all([this.dossiers.assignedTo(expertId), this.dossiers.seatedBefore(expertId)]);
    const assigned = [...online, ...seated.filter((dossier) => !online.some((known) => known.dossierId === dossier.dossierId))];
    const selections = await this.selections.reviewTerms([...new Set(assigned.map((dossier) => dossier.selectionId))]);
    return assigned.flatMap((dossier) => {
      const selection = selections.get(dossier.selectionId);
      return selection ? [this.assignmentOf(selection, dossier, expertId)] : [];
    });
  }

  private assignmentOf(selection: SelectionReviewTerms, dossier: Dossier, expertId: string): MyAssignmentResponse {
    // In a panel stage a member scores with that stage's rubric; otherwise the online review's.
    const stage = scoringStageOf(dossier, selection.stage, expertId);
    return {
      dossierId: dossier.dossierId,
      selectionId: dossier.selectionId,
      programme: dossier.programme,
      title: dossier.title,
      tier: dossier.tier,
      fields: { ...dossier.fields },
      stage,
      rubric: reviewStageOf(selection.rules, stage).rubric.map(({ code, name, weight, maxPoints }) => ({ code, name, weight, maxPoints })),
      phase: selection.phase,
      open: selection.phase === 'expert-review' && stage === selection.stage,
      reviewDeadlineDate: selection.reviewDeadlineDate ?? null,
      scored: scoresInStage(dossier, stage).some((score) => score.expertId === expertId),
    };
  }
}
