import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { shanghaiDate } from '@app/domain/calendar';
import {
  ledgerLinesOf,
  nationalGrantDecider,
  nationalGrantStreamOf,
  POLICY_VALIDITY_STREAM,
  policyValidityDecider,
  voucherCallDecider,
  voucherCallStreamOf,
} from '@app/domain/funds';
import type {
  FundStreamEvent,
  LedgerLine,
  NationalGrantCommand,
  NationalGrantEvent,
  NationalGrantState,
  PolicyValidity,
  PolicyValidityEvent,
  VoucherCallCommand,
  VoucherCallEvent,
  VoucherCallState,
} from '@app/domain/funds';
import type { CommandMetadata } from '@app/domain/shared/command-metadata';
import { ledgerStreamsOf } from './fund-ledgers';
import { FundMeasures } from './measure-catalogue';

/**
 * What a money decision would record, decided by the same deciders on the streams as they are now but
 * never appended: the portal's confirmation pages show it before the admin commits. The command itself
 * decides again inside its unit of work, so a preview can only be behind, never wrong about what is paid.
 */
@Injectable()
export class FundPreviews {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly measures: FundMeasures,
  ) {}

  async voucherCall(year: number, build: (state: VoucherCallState) => VoucherCallCommand): Promise<{ state: VoucherCallState; events: VoucherCallEvent[] }> {
    const decider = voucherCallDecider(this.measures.catalogue.voucher, await this.validity());
    const state = await this.fold(voucherCallStreamOf(year), decider.evolve, decider.initialState());
    return { state, events: decider.decide(build(state), state) };
  }

  async nationalGrant(
    applicationId: string,
    metadata: CommandMetadata,
    build: (state: NationalGrantState, ledger: readonly LedgerLine[]) => NationalGrantCommand,
  ): Promise<{ state: NationalGrantState; events: NationalGrantEvent[] }> {
    const validity = await this.validity();
    const decider = nationalGrantDecider(this.measures.catalogue, validity);
    const state = await this.fold(nationalGrantStreamOf(applicationId), decider.evolve, decider.initialState());
    const ledger: LedgerLine[] = [];
    if (state.status !== 'none') {
      const year = Number(shanghaiDate(metadata.now).slice(0, 4));
      for (const stream of ledgerStreamsOf(state.creditCode, validity, year + 3)) {
        ledger.push(...ledgerLinesOf((await this.store.readStream(stream)).map((event) => ({ type: event.type, data: event.data }) as FundStreamEvent)));
      }
    }
    return { state, events: decider.decide(build(state, ledger), state) };
  }

  private async validity(): Promise<PolicyValidity> {
    const decider = policyValidityDecider(this.measures.catalogue.validity);
    return this.fold<PolicyValidityEvent, PolicyValidity>(POLICY_VALIDITY_STREAM, decider.evolve, decider.initialState());
  }

  private async fold<E, S>(stream: string, evolve: (state: S, event: E) => S, initial: S): Promise<S> {
    return (await this.store.readStream(stream)).reduce((state, event) => evolve(state, { type: event.type, data: event.data } as E), initial);
  }
}
