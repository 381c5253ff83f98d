import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { scoresInStage } from '@app/domain/dossier';
import type { Dossier } from '@app/domain/dossier';
import { refuse } from '@app/domain/shared/refusal';
import type { UnitOfWorkResult } from '@app/platform';
import { Roles } from '../../../auth/access.decorators';
import { Context, RequestContext } from '../../../auth/request-context';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { withEtag } from '../../../http/command-response';
import { StreamDirectory } from '../../../workflow/stream-directory';
import type { Versioned } from '../../../workflow/stream-directory';
import { dossierStreamOf } from '../../review-facts';
import { requireDeclarationSigned } from '../../commitments/declaration-gate';
import { assignedDossierOf } from '../assigned-dossier';
import { ScoreDossierCommand } from './score-dossier.command';
import type { ScoredDossier } from './score-dossier.handler';
import { MyScoreResponse, ScoreDossierRequest } from './score-dossier.request.dto';

@ApiTags('专家评审 reviews')
@ApiBearerAuth()
@Controller('api/v1/dossiers/:dossierId/reviews/mine')
export class ScoreDossierController {
  constructor(
    private readonly commands: CommandBus,
    private readonly directory: StreamDirectory,
  ) {}

  @Put()
  @Roles('expert')
  @ApiOperation({ summary: 'Submit or amend your own score of a dossier assigned to you (until review closes)' })
  @ApiOkResponse({ type: MyScoreResponse })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  async score(@Param('dossierId') dossierId: string, @Body() body: ScoreDossierRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<MyScoreResponse> {
    // The command checked the assignment and the signed declaration; its result is the dossier it wrote.
    const { value, revisions } = await this.commands.execute<ScoreDossierCommand, UnitOfWorkResult<ScoredDossier>>(new ScoreDossierCommand(dossierId, body, context));
    return myScore(response, { value: value.dossier, revision: revisions.get(dossierStreamOf(dossierId))! }, value.stage, context);
  }

  @Get()
  @Roles('expert')
  @ApiOperation({ summary: 'Your own score of a dossier assigned to you (never another expert\'s)' })
  @ApiOkResponse({ type: MyScoreResponse })
  @ApiErrors(401, 403, 404)
  async mine(@Param('dossierId') dossierId: string, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<MyScoreResponse> {
    const dossier = await assignedDossierOf(this.directory, dossierId, context.metadata);
    await requireDeclarationSigned(this.directory, dossier.value.selectionId, context.metadata.actor);
    const { value: selection } = await this.directory.selection(dossier.value.selectionId);
    return myScore(response, dossier, selection.stage, context);
  }
}

/** The expert's own score in the stage the selection is in. */
function myScore(response: Response, dossier: Versioned<Dossier>, stage: number, context: RequestContext): MyScoreResponse {
  const score = scoresInStage(dossier.value, stage).find((candidate) => candidate.expertId === context.metadata.actor.expertId);
  if (!score) throw refuse('score-not-found', 'you have not scored this dossier yet', 'not-found');
  const { points, total, comment, submittedAt, amendedAt } = score;
  const { dossierId } = dossier.value;
  return withEtag(response, dossier.revision, { dossierId, points: { ...points }, total, comment, submittedAt, amendedAt, revision: dossier.revision.toString() });
}
