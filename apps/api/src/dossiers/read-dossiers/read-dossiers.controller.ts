import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { withEtag } from '../../http/command-response';
import { StreamDirectory } from '../../workflow/stream-directory';
import { DossierDetailResponse, DossierSummaryResponse, dossierDetailOf, dossierSummaryOf } from '../shared/dossier.response.dto';
import { requireVisible } from '../shared/dossier-visibility';
import { ListDossiersQuery } from './list-dossiers.query.dto';

const byFirstSubmissionThenId = (a: DossierSummaryResponse, b: DossierSummaryResponse) =>
  (a.firstSubmittedAt ?? '9999').localeCompare(b.firstSubmittedAt ?? '9999') || a.id.localeCompare(b.id);

/** Reads straight from the dossier streams until the read models land. */
@ApiTags('申报 dossiers')
@ApiBearerAuth()
@Controller('api/v1')
export class ReadDossiersController {
  constructor(private readonly directory: StreamDirectory) {}

  @Get('dossiers/:dossierId')
  @Roles('applicant', 'admin', 'expert')
  @ApiOperation({
    summary: 'One dossier: status, fields, attachments, formal-review outcome',
    description: 'Its own organisation, admins, and the experts assigned to it (who see only their own score); 404 for anyone else.',
  })
  @ApiOkResponse({ type: DossierDetailResponse })
  @ApiErrors(401, 403, 404)
  async get(@Param('dossierId') dossierId: string, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<DossierDetailResponse> {
    const { value, revision } = await this.directory.dossier(dossierId);
    const { actor } = context.metadata;
    return withEtag(response, revision, dossierDetailOf(requireVisible(value, actor), revision, actor));
  }

  @Get('me/dossiers')
  @Roles('applicant')
  @ApiOperation({ summary: "Your organisation's dossiers, every year, with their selection and status" })
  @ApiOkResponse({ type: [DossierSummaryResponse] })
  @ApiErrors(401, 403)
  async mine(@Context() context: RequestContext): Promise<DossierSummaryResponse[]> {
    const creditCode = context.metadata.actor.organisationCreditCode;
    if (!creditCode) return [];
    const dossiers = await this.directory.dossiers({ applicantCreditCode: creditCode });
    return dossiers.map(dossierSummaryOf).sort((a, b) => b.selectionId.localeCompare(a.selectionId) || byFirstSubmissionThenId(a, b));
  }

  @Get('selections/:selectionId/dossiers')
  @Roles('admin')
  @ApiOperation({ summary: 'Every dossier of a selection with its status (admin); filter by status and tier' })
  @ApiOkResponse({ type: [DossierSummaryResponse] })
  @ApiErrors(400, 401, 403, 404)
  async ofSelection(@Param('selectionId') selectionId: string, @Query() query: ListDossiersQuery): Promise<DossierSummaryResponse[]> {
    await this.directory.selection(selectionId); // 404 for an unknown selection
    const dossiers = await this.directory.dossiers({ selectionId });
    return dossiers
      .filter((dossier) => (query.status === undefined || dossier.status === query.status) && (query.tier === undefined || dossier.tier === query.tier))
      .map(dossierSummaryOf)
      .sort(byFirstSubmissionThenId);
  }
}
