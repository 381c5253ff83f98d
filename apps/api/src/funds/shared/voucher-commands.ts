import { Injectable } from '@nestjs/common';
import { voucherCallDecider, voucherCallStreamOf, voucherLedgerLines } from '@app/domain/funds';
import type { VoucherCallCommand, VoucherCallState } from '@app/domain/funds';
import type { CommandContext, UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../workflow/command-runner';
import { loadValidity, recordLines } from './fund-ledgers';
import { FundMeasures } from './measure-catalogue';

/**
 * The command path of a year's 算力券 call: read the validity and the call, decide, and append the
 * call's events with the ledger lines they make to each enterprise's fund stream — one atomic append.
 */
@Injectable()
export class VoucherCommands {
  constructor(
    private readonly runner: CommandRunner,
    private readonly measures: FundMeasures,
  ) {}

  run(commandType: VoucherCallCommand['type'], year: number, context: CommandContext, build: (state: VoucherCallState) => VoucherCallCommand): Promise<UnitOfWorkResult<VoucherCallState>> {
    const stream = voucherCallStreamOf(year);
    return this.runner.run(
      commandType,
      context,
      async (unit) => {
        const validity = await loadValidity(unit, this.measures.catalogue);
        const decider = voucherCallDecider(this.measures.catalogue.voucher, validity);
        let state = (await unit.load(stream, decider)).state;
        const { events } = await unit.decide(stream, decider, build(state));
        const lines = [];
        for (const event of events) {
          lines.push(...voucherLedgerLines(state, event));
          state = decider.evolve(state, event);
        }
        await recordLines(unit, lines, context.metadata);
        return state;
      },
      { stream },
    );
  }
}
