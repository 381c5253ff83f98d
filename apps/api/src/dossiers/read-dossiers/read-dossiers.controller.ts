import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { DossierStatus } from '@app/domain/dossier';
import { DossierReadModel, SelectionReadModel } from '@app/read-models';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { withEtag } from '../../http/command-response';
import { ApiHistoryCut, historyCutOf } from '../../http/history-cut';
import { StreamDirectory } from '../../workflow/stream-directory';
import { DossierDetailResponse, DossierSummaryResponse, dossierDetailOf, dossierSummaryOf } from '../shared/dossier.response.dto';
import { outcomeAsSeenBy, requireVisible } from '../shared/dossier-visibility';
import { requireDeclarationSigned } from '../../reviews/commitments/declaration-gate';
import { ListDossiersQuery } from './list-dossiers.query.dto';
import { ExportableAs } from '../../exports/export-format.interceptor';

const byFirstSubmissionThenId = (a: DossierSummaryResponse, b: DossierSummaryResponse) =>
  (a.firstSubmittedAt ?? '9999').localeCompare(b.firstSubmittedAt ?? '9999') || a.id.localeCompare(b.id);

/**
 * One dossier is read from its stream (its revision is the ETag a client edits with); lists come from
 * the read model, filtered, sorted and paged in SQL.
 */
@ApiTags('申报 dossiers')
@ApiBearerAuth()
@Controller('api/v1')
export class ReadDossiersController {
  constructor(
    private readonly directory: StreamDirectory,
    private readonly dossiers: DossierReadModel,
    private readonly selections: SelectionReadModel,
  ) {}

  @Get('dossiers/:dossierId')
  @Roles('applicant', 'admin', 'expert')
  @ApiOperation({
    summary: 'One dossier: status, fields, attachments, formal-review outcome',
    description: 'Its own organisation, admins, and the experts assigned to it (who see only their own score); 404 for anyone else.',
  })
  @ApiOkResponse({ type: DossierDetailResponse })
  @ApiHistoryCut()
  @ApiErrors(400, 401, 403, 404)
  async get(
    @Param('dossierId') dossierId: string,
    @Context() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
    @Query('asOf') asOf?: string,
    @Query('position') position?: string,
  ): Promise<DossierDetailResponse> {
    const cut = historyCutOf(asOf, position);
    // Who may see it is decided on today's dossier; what is shown is the dossier as it stood at the cut.
    const { actor } = context.metadata;
    const today = await this.directory.dossier(dossierId);
    requireVisible(today.value, actor);
    const { value, revision } = cut ? await this.directory.dossierAt(dossierId, cut) : today;
    const visible = requireVisible(value, actor);
    await requireDeclarationSigned(this.directory, visible.selectionId, actor);
    const { value: selection } = cut ? await this.directory.selectionAt(visible.selectionId, cut) : await this.directory.selection(visible.selectionId);
    return withEtag(response, revision, dossierDetailOf(outcomeAsSeenBy(visible, selection.phase, actor), revision, actor));
  }

  @Get('me/dossiers')
  @Roles('applicant')
  @ApiOperation({ summary: "Your organisation's dossiers, every year, with their selection and status" })
  @ApiOkResponse({ type: [DossierSummaryResponse] })
  @ApiErrors(401, 403)
  async mine(@Context() context: RequestContext): Promise<DossierSummaryResponse[]> {
    const creditCode = context.metadata.actor.organisationCreditCode;
    if (!creditCode) return [];
    const [dossiers, selections] = await Promise.all([this.dossiers.all({ applicantCreditCode: creditCode }), this.selections.all()]);
    const phaseOf = new Map(selections.map((row) => [row.selection.selectionId, row.selection.phase]));
    return dossiers
      .map((dossier) => dossierSummaryOf(outcomeAsSeenBy(dossier, phaseOf.get(dossier.selectionId) ?? 'open', context.metadata.actor))).sort((a, b) => b.selectionId.localeCompare(a.selectionId) || byFirstSubmissionThenId(a, b));
  }

  @Get('selections/:selectionId/dossiers')
  @ExportableAs('dossiers')
  @Roles('admin')
  @ApiOperation({
    summary: 'The dossiers of a selection with their status (admin): filter by status, tier and title, sort, page',
    description: 'The body is one page; X-Total-Count gives the number of matches and Link the next and previous pages.',
  })
  @ApiOkResponse({ type: [DossierSummaryResponse], headers: { 'X-Total-Count': { description: 'dossiers matching the filters, across pages', schema: { type: 'integer' } } } })
  @ApiErrors(400, 401, 403, 404)
  async ofSelection(
    @Param('selectionId') selectionId: string,
    @Query() query: ListDossiersQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DossierSummaryResponse[]> {
    await this.selections.require(selectionId); // 404 for an unknown selection
    const page = await this.dossiers.page({
      selectionId,
      status: query.status as DossierStatus | undefined,
      tier: query.tier,
      search: query.q,
      sort: query.sort,
      page: query.page,
      pageSize: query.pageSize,
    });
    response.setHeader('X-Total-Count', String(page.total));
    const links = pageLinks(request, page.page, page.pageSize, page.total);
    if (links) response.setHeader('Link', links);
    return page.dossiers.map(dossierSummaryOf);
  }
}

/** RFC 8288 links to the neighbouring pages, keeping the other query parameters. */
function pageLinks(request: Request, page: number, pageSize: number, total: number): string | null {
  const link = (target: number, rel: string) => {
    const url = new URL(request.originalUrl, 'http://placeholder');
    url.searchParams.set('page', String(target));
    url.searchParams.set('pageSize', String(pageSize));
    return `<${url.pathname}${url.search}>; rel="${rel}"`;
  };
  const links = [...(page > 1 ? [link(page - 1, 'prev')] : []), ...(page * pageSize < total ? [link(page + 1, 'next')] : [])];
  return links.length === 0 ? null : links.join(', ');
}
