import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorators';
import { ExportableAs } from '../../exports/export-format.interceptor';
import { fundLineFilterOf } from '../../exports/sources/fund-ledger.filter';
import { ApiErrors } from '../../http/api-errors.decorator';
import { FundReads } from '../shared/fund-reads';
import { FundLedgerQuery } from './fund-ledger.query.dto';

/** The department's fund ledger: every line of every organisation, filtered; also as Excel or CSV. */
@ApiTags('资金台账 fund ledger')
@ApiBearerAuth()
@Controller('api/v1/funds/ledger')
export class ReadFundLinesController {
  constructor(private readonly reads: FundReads) {}

  @Get()
  @Roles('admin')
  @ExportableAs('fund-ledger')
  @ApiOperation({ summary: 'Every ledger line of every measure and organisation (by year, measure, organisation), with the per-organisation sums; ?format=xlsx|csv for the spreadsheet (admin)' })
  @ApiOkResponse({ description: 'the lines, the sums per organisation and per year and measure' })
  @ApiErrors(400, 401, 403)
  async read(@Query() query: FundLedgerQuery) {
    const filter = fundLineFilterOf({ ...query, year: query.year === undefined ? undefined : String(query.year) });
    const [lines, organisations, summary] = await Promise.all([this.reads.lines(filter), this.reads.organisations(filter.year), this.reads.summary(filter.year)]);
    return { filter, lines, organisations, summary };
  }
}
