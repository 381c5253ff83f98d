import { Controller, Get, Param, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { awardAmountText, explanationText, formatFenAsYuan, formatFenTotalAsYuan, standardText } from '@app/documents';
import { chineseReasonOf } from '../annex/annex-documents';
import { Public } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { withEtag } from '../../http/command-response';
import { ReviewOutcomeReadModel, SelectionReadModel } from '@app/read-models';
import { NoticeReads } from '../shared/notice-reads';
import { publishedEntriesOf } from '../shared/published-entry';
import { requireVisibleAwards } from '../shared/published-selection';
import { AwardLineResponse, AwardListResponse } from './award-list.response.dto';
import { AwardListPdfInterceptor } from './award-list-pdf.interceptor';
import { ExportableAs } from '../../exports/export-format.interceptor';

@ApiTags('奖补 awards')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId/awards')
export class ReadAwardsController {
  constructor(
    private readonly selections: SelectionReadModel,
    private readonly outcomes: ReviewOutcomeReadModel,
    private readonly reads: NoticeReads,
  ) {}

  @Get()
  @ExportableAs('awards', { otherFormats: ['pdf'] })
  @UseInterceptors(AwardListPdfInterceptor)
  @Public()
  @ApiOperation({ summary: 'The award list with amounts and 不重复享受 decisions (admin once decided; public once published)' })
  @ApiOkResponse({ type: AwardListResponse })
  @ApiErrors(401, 404)
  async read(@Param('selectionId') selectionId: string, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<AwardListResponse> {
    const { selection, revision } = await this.selections.require(selectionId);
    requireVisibleAwards(selection, context.metadata.actor);
    const entryOf = await publishedEntriesOf(this.reads, selection);
    const lines = await this.outcomes.awards({ selectionId });
    const formula = selection.rules.award;
    const awards: AwardLineResponse[] = lines.filter((line) => line.awarded).map((line) => {
      const entry = entryOf(line.dossierId);
      const base = {
        dossierId: line.dossierId,
        organisation: entry.organisation,
        creditCode: entry.creditCode,
        projectTitle: entry.projectTitle,
        tier: line.tier as string,
        tierName: entry.tierName,
        rank: line.rank as number,
        kind: line.kind as 'policy' | 'money',
      };
      if (line.kind !== 'money') return base;
      const [approvedInvestmentFen, standardFen, paidFen] = [line.approvedInvestmentFen, line.standardFen, line.paidFen] as number[];
      const decision = line.decision as 'paid' | 'top-up' | 'not-paid';
      const reason = chineseReasonOf(decision, line.reason as string);
      // Every line of a selection is decided under the call's formula (it is also kept on each award record).
      const { rateBasisPoints, capFen } = formula as { rateBasisPoints: number; capFen: number };
      return {
        ...base,
        approvedInvestmentFen,
        approvedInvestmentYuan: formatFenAsYuan(approvedInvestmentFen),
        rateBasisPoints,
        capFen,
        standardFen,
        standardYuan: formatFenAsYuan(standardFen),
        standardText: standardText({ rateBasisPoints, capFen, standardFen }),
        paidFen,
        paidYuan: formatFenAsYuan(paidFen),
        paidText: awardAmountText({ awardAmountFen: paidFen, decision }),
        decision,
        reason,
        explanation: explanationText({ decision, reason }),
      };
    });
    const paid = awards.map((line) => line.paidFen ?? 0);
    return withEtag(response, revision, {
      selectionId,
      title: selection.title,
      phase: selection.phase,
      awards,
      notAwarded: lines.filter((line) => !line.awarded).map((line) => {
        const { organisation, projectTitle } = entryOf(line.dossierId);
        return { dossierId: line.dossierId, organisation, projectTitle, reason: line.reason as string };
      }),
      totalPaidFen: paid.reduce((sum, fen) => sum + fen, 0),
      totalPaidYuan: formatFenTotalAsYuan(paid),
    });
  }
}
