import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { FundReads } from '../shared/fund-reads';
import { FundMeasures } from '../shared/measure-catalogue';

/**
 * The ledger of one organisation (its own applicants, or an admin): every line of every measure,
 * and per year and measure committed / issued / paid; the department-wide view over all organisations
 * is GET /funds/summary. Both read the fund-ledger read model.
 */
@ApiTags('资金台账 fund ledger')
@ApiBearerAuth()
@Controller('api/v1')
export class ReadFundLedgerController {
  constructor(
    private readonly measures: FundMeasures,
    private readonly reads: FundReads,
  ) {}

  @Get('organisations/:creditCode/fund-ledger')
  @Roles('admin', 'applicant')
  @ApiOperation({ summary: "An organisation's fund ledger: every money decision of every measure, with basis and reason, and the per-year sums" })
  @ApiOkResponse({ description: 'the ledger lines and the sums per year and measure' })
  @ApiErrors(401, 403, 404)
  async organisation(@Param('creditCode') creditCode: string, @Context() context: RequestContext) {
    const { actor } = context.metadata;
    const code = creditCode.toUpperCase();
    if (actor.role !== 'admin' && actor.organisationCreditCode?.toUpperCase() !== code) throw new NotFoundException('未找到该单位的资金台账(申报单位只能查看本单位的台账)');
    return { creditCode: code, ...(await this.reads.organisation(code)) };
  }

  @Get('funds/summary')
  @Roles('admin')
  @ApiQuery({ name: 'year', required: false })
  @ApiOperation({ summary: 'Per year and measure across all organisations: budget (算力券: the call’s), committed, issued, paid (admin)' })
  @ApiOkResponse({ description: 'the rows per year and measure' })
  @ApiErrors(401, 403)
  async summary(@Query('year') year?: string) {
    const rows = await this.reads.summary(year === undefined || !/^\d{4}$/.test(year) ? undefined : Number(year));
    return { rows, source: this.measures.catalogue.documentNo };
  }
}
