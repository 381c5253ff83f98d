import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { refuse } from '@app/domain/shared/refusal';
import { OrganisationHistoryReadModel } from '@app/read-models';
import type { OrganisationHistoryLine } from '@app/read-models';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { OrganisationHistoryLineResponse } from './organisation-history.response.dto';

// Until the notice starts, the ranking is the administrators' (the applicant sees only the status).
const RANKING_PUBLIC = ['notice', 'awards-decided', 'published'];
const AWARDS_PUBLIC = ['published'];

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
    return admin ? lines : lines.map(asApplicantSeesIt);
  }
}

function asApplicantSeesIt(line: OrganisationHistoryLine): OrganisationHistoryLine {
  const ranked = RANKING_PUBLIC.includes(line.selectionPhase);
  const awarded = AWARDS_PUBLIC.includes(line.selectionPhase);
  return {
    ...line,
    standing: ranked && line.standing === 'selected' ? line.standing : null,
    rank: ranked && line.standing === 'selected' ? line.rank : null,
    aggregate: ranked && line.standing === 'selected' ? line.aggregate : null,
    awarded: awarded ? line.awarded : null,
    paidFen: awarded ? line.paidFen : null,
    decision: awarded ? line.decision : null,
  };
}
