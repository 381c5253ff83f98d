import { Injectable } from '@nestjs/common';
import { summariseFunds } from '@app/domain/funds';
import type { FundSummaryRow, LedgerLine, NationalGrant } from '@app/domain/funds';
import { FundLedgerReadModel } from '@app/read-models';
import type { FundLineFilter, OrganisationFundTotal } from '@app/read-models';

/**
 * The department-wide ledger for lists, documents and charts: the `fund-ledger` projection's tables
 * (libs/read-models). Commands never read these; they decide on the organisations' fund streams.
 */
@Injectable()
export class FundReads {
  constructor(private readonly readModel: FundLedgerReadModel) {}

  lines(filter: FundLineFilter = {}): Promise<LedgerLine[]> {
    return this.readModel.lines(filter);
  }

  summary(year?: number): Promise<FundSummaryRow[]> {
    return this.readModel.summary(year);
  }

  years(): Promise<number[]> {
    return this.readModel.years();
  }

  organisations(year?: number): Promise<OrganisationFundTotal[]> {
    return this.readModel.organisations(year);
  }

  applications(creditCode?: string): Promise<NationalGrant[]> {
    return this.readModel.applications(creditCode);
  }

  names(): Promise<Map<string, string>> {
    return this.readModel.names();
  }

  /** One organisation's lines and its sums per year and measure. */
  async organisation(creditCode: string): Promise<{ lines: LedgerLine[]; summary: FundSummaryRow[] }> {
    const lines = await this.readModel.lines({ creditCode });
    return { lines, summary: summariseFunds(lines) };
  }
}
