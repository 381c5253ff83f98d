import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { refuse } from '@app/domain/shared/refusal';
import { OrganisationHistoryReadModel } from '@app/read-models';
import type { OrganisationHistoryLine } from '@app/read-models';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { OrganisationHistoryLineResponse } from './organisation-history.response.dto';
import { awardsVisibleTo, rankingVisibleTo, statusAsSeenBy } from '../shared/dossier-visibility';
import type { SelectionPhase } from '@app/domain/selection';
import type { Actor } from '@app/domain/shared/command-metadata';


@ApiTags('申报 dossiers')
@ApiBearerAuth()
@Controller('api/v1/organisations/:creditCode/history')
export class OrganisationHistoryController {
  constructor(private readonly history: OrganisationHistoryReadModel) {}

  @Get()
  @Roles('applicant', 'admin')
  @ApiOperation({
    summary: "An organisation's dossiers across years: selection, status, place on the shortlist and award",
    description: 'Admins see any organisation; an applicant only its own (404 for another). Ranking shows once the notice starts, awards once published, to the applicant.',
  })
  @ApiOkResponse({ type: [OrganisationHistoryLineResponse] })
  @ApiErrors(401, 403, 404)
  async of(@Param('creditCode') creditCode: string, @Context() context: RequestContext): Promise<OrganisationHistoryLineResponse[]> {
    const { actor } = context.metadata;
    const admin = actor.role === 'admin';
    if (!admin && actor.organisationCreditCode !== creditCode) {
      throw refuse('organisation-not-found', `there is no history of "${creditCode}" for you to see`, 'not-found');
    }
    const lines = await this.history.of(creditCode);
    return admin ? lines : lines.map((line) => asSeenBy(line, actor));
  }
}

/** The one outcome rule (dossier-visibility): ranking once the notice starts, awards once published. */
function asSeenBy(line: OrganisationHistoryLine, actor: Actor): OrganisationHistoryLine {
  const phase = line.selectionPhase as SelectionPhase;
  const ranked = rankingVisibleTo(phase, actor);
  const awarded = awardsVisibleTo(phase, actor);
  return {
    ...line,
    status: statusAsSeenBy(line.status, phase, actor),
    standing: ranked && line.standing === 'selected' ? line.standing : null,
    rank: ranked && line.standing === 'selected' ? line.rank : null,
    aggregate: ranked && line.standing === 'selected' ? line.aggregate : null,
    awarded: awarded ? line.awarded : null,
    paidFen: awarded ? line.paidFen : null,
    decision: awarded ? line.decision : null,
  };
}
