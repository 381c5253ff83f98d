import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { ledgerLinesOf, summariseFunds } from '@app/domain/funds';
import type { FundStreamEvent, LedgerLine, MeasureBudget } from '@app/domain/funds';

/**
 * The department-wide ledger, folded from every organisation's fund stream (category `fund`) and the
 * 算力券 calls' budgets (category `compute`). A read of the streams, not of a projection: fine for a
 * plan's few thousand lines; a read model belongs with the projections (issue 15).
 */
@Injectable()
export class FundReads {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async lines(): Promise<LedgerLine[]> {
    const events = await this.store.readAll({ category: 'fund' });
    return ledgerLinesOf(events.map((event) => ({ type: event.type, data: event.data }) as FundStreamEvent));
  }

  async budgets(): Promise<MeasureBudget[]> {
    const calls = await this.store.readAll({ category: 'compute' });
    return calls
      .filter((event) => event.type === 'VoucherCallOpened')
      .map((event) => {
        const data = event.data as { year: number; budgetFen: number };
        return { year: data.year, measure: 'compute-voucher' as const, budgetFen: data.budgetFen };
      });
  }

  async summary(year?: number) {
    const rows = summariseFunds(await this.lines(), await this.budgets());
    return year === undefined ? rows : rows.filter((row) => row.year === year);
  }
}
