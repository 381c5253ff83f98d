import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { voucherCallDecider, voucherCallStreamOf } from '@app/domain/funds';
import type { VoucherCallEvent, VoucherCallState } from '@app/domain/funds';
import { FundMeasures } from '../funds/shared/measure-catalogue';

/** One year's 算力券 call, folded from its stream (a single aggregate, as the API's read does). */
@Injectable()
export class FundCallReads {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly measures: FundMeasures,
  ) {}

  async call(year: number): Promise<VoucherCallState> {
    const decider = voucherCallDecider(this.measures.catalogue.voucher, { window: this.measures.catalogue.validity, extensions: [] });
    const events = await this.store.readStream(voucherCallStreamOf(year));
    return events.reduce((state, event) => decider.evolve(state, { type: event.type, data: event.data } as VoucherCallEvent), decider.initialState());
  }
}
