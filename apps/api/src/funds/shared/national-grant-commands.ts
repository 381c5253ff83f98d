import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@app/domain/calendar';
import { FUND_MEASURE_NAMES, nationalGrantDecider, nationalGrantLedgerLines, nationalGrantStreamOf, nationalGrantTitle } from '@app/domain/funds';
import type { LedgerLine, NationalGrantCommand, NationalGrantState } from '@app/domain/funds';
import type { CommandContext, UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../workflow/command-runner';
import { loadLedgerLines, loadValidity, recordLines } from './fund-ledgers';
import { FundMeasures } from './measure-catalogue';

/**
 * The command path of a national-level application: the decision reads the organisation's fund
 * ledgers (every period within the validity) inside the unit of work, so 不重复享受 is decided on
 * what the ledgers hold at commit, and appends its lines to them in the same atomic append.
 */
@Injectable()
export class NationalGrantCommands {
  constructor(
    private readonly runner: CommandRunner,
    private readonly measures: FundMeasures,
  ) {}

  run(
    commandType: NationalGrantCommand['type'],
    applicationId: string,
    context: CommandContext,
    build: (state: NationalGrantState, ledger: readonly LedgerLine[]) => NationalGrantCommand,
  ): Promise<UnitOfWorkResult<NationalGrantState>> {
    const stream = nationalGrantStreamOf(applicationId);
    return this.runner.run(
      commandType,
      context,
      async (unit) => {
        const validity = await loadValidity(unit, this.measures.catalogue);
        const decider = nationalGrantDecider(this.measures.catalogue, validity);
        let state = (await unit.load(stream, decider)).state;
        const year = Number(shanghaiDate(context.metadata.now).slice(0, 4));
        const ledger = state.status === 'none' ? [] : await loadLedgerLines(unit, state.creditCode, validity, year + 3);
        const { events } = await unit.decide(stream, decider, build(state, ledger));
        const lines = [];
        for (const event of events) {
          const title = state.status === 'none' ? '' : nationalGrantTitle(state, { platform: FUND_MEASURE_NAMES['national-platform'], champion: FUND_MEASURE_NAMES['national-champion'] });
          lines.push(...nationalGrantLedgerLines(state, event, title));
          state = decider.evolve(state, event);
        }
        await recordLines(unit, lines, context.metadata);
        return state;
      },
      { stream, maxAttempts: 6 },
    );
  }
}
