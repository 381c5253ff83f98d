import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { earlierAwardsOfLedger, fundDecider, fundStreamOf } from '@app/domain/awards';
import type { FundEntry } from '@app/domain/awards';
import { awardInputOf, openObjectionsOf } from '@app/domain/dossier';
import type { Dossier } from '@app/domain/dossier';
import { awardDecisionDecider, fundEntryOf, selectedDossierIdsOf, selectionDecider, selectionFactsOf, selectionStreamOf } from '@app/domain/selection';
import type { Selection } from '@app/domain/selection';
import type { UnitOfWork, UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../workflow/command-runner';
import { readRounds } from '../../workflow/read-rounds';
import { loadSelectionState } from '../shared/load-selection';
import { DecideAwardsCommand } from './decide-awards.command';

export interface AwardsDecidedSummary {
  readonly awarded: number;
  readonly notAwarded: number;
  readonly totalPaidFen: number;
}

/**
 * Concurrent decisions sharing applicants each lose at most once per rival that got in first; a few
 * attempts cover several money selections of a year decided at the same moment.
 */
const MAX_ATTEMPTS = 6;

/**
 * DecideAwards on the selection, then the process manager's step — AwardDossier / NotAwardDossier to
 * every ranked dossier, and one fund ledger entry per money line — in the same atomic append: the
 * list, the dossiers and the ledgers never disagree.
 *
 * 不重复享受 is enforced by the store: the earlier awards are read from the fund ledgers
 * (fund-{creditCode}-{period}) of the listed applicants *inside* the unit of work, and every ledger
 * read is appended to with the revision read. A rival decision that wrote to one of them first makes
 * this append fail with ConcurrencyError, and runCommand runs this work again on the ledgers as
 * they are now (the loser pays the difference or nothing). The ledgers are appended in stream-id
 * order after this selection's own streams, so two decisions never wait on each other in a cycle.
 */
@CommandHandler(DecideAwardsCommand)
export class DecideAwardsHandler implements ICommandHandler<DecideAwardsCommand, UnitOfWorkResult<AwardsDecidedSummary>> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ selectionId, context, identityDeclarations }: DecideAwardsCommand): Promise<UnitOfWorkResult<AwardsDecidedSummary>> {
    const stream = selectionStreamOf(selectionId);
    const { metadata } = context;
    return this.runner.run(
      'DecideAwards',
      context,
      async (unit) => {
        const selection = await loadSelectionState(unit, selectionId);
        // Set-based: every ranked dossier in one batched read, then every listed applicant's ledger in another.
        const inRace = await this.dossiers(unit, selection.aggregates.map((aggregate) => aggregate.dossierId));
        const listed = await this.dossiers(unit, selectedDossierIdsOf(selection));
        const ledgerStreams = selection.rules.award.kind === 'money' ? ledgerStreamsOf(listed, selection.year) : [];
        const ledgers = [...(await unit.loadMany(ledgerStreams, fundDecider)).values()].map((ledger) => ledger.state);
        const { events, state } = await unit.decide(stream, selectionDecider, {
          type: 'DecideAwards',
          data: {
            dossiers: listed.map(awardInputOf),
            earlierAwards: ledgers.flatMap(earlierAwardsOfLedger),
            identityDeclarations,
            openObjections: inRace.flatMap(openObjectionsOf),
          },
          metadata,
        });
        const decided = events.find((event) => event.type === 'AwardsDecided');
        if (decided?.type !== 'AwardsDecided') throw new Error('DecideAwards answered without AwardsDecided');
        const facts = selectionFactsOf(state as Selection);
        for (const line of decided.data.awards) {
          await unit.decide(`dossier-${line.dossierId}`, awardDecisionDecider, {
            type: 'AwardDossier',
            data: { dossierId: line.dossierId, selection: facts, tier: line.tier, rank: line.rank, award: line.award },
            metadata,
          });
        }
        for (const line of decided.data.notAwarded) {
          await unit.decide(`dossier-${line.dossierId}`, awardDecisionDecider, {
            type: 'NotAwardDossier',
            data: { dossierId: line.dossierId, selection: facts, reason: line.reason },
            metadata,
          });
        }
        // Each ledger's entries in the awards' order, grouped once (not one scan of every entry per ledger).
        const entriesByLedger = new Map<string, FundEntry[]>();
        for (const line of decided.data.awards) {
          const entry = fundEntryOf(state as Selection, line, decided.data.decidedAt);
          if (entry === null) continue;
          const ledgerStream = fundStreamOf(entry.applicantCreditCode, entry.year);
          const entries = entriesByLedger.get(ledgerStream) ?? [];
          entries.push(entry);
          entriesByLedger.set(ledgerStream, entries);
        }
        for (const ledgerStream of ledgerStreams) {
          for (const entry of entriesByLedger.get(ledgerStream) ?? []) {
            await unit.decide(ledgerStream, fundDecider, { type: 'RecordFundEntry', data: { entry }, metadata });
          }
        }
        return { awarded: decided.data.awards.length, notAwarded: decided.data.notAwarded.length, totalPaidFen: decided.data.totalPaidFen };
      },
      { stream, maxAttempts: MAX_ATTEMPTS },
    );
  }

  /**
   * The dossiers of these ids, in their order, as the award decision folds them (awardDecisionDecider:
   * no content, attachments or scores), read in rounds (readRounds); the unit keeps each fold and
   * revision for its append.
   */
  private async dossiers(unit: UnitOfWork, dossierIds: readonly string[]): Promise<Dossier[]> {
    const dossiers: Dossier[] = [];
    for (const ids of readRounds(dossierIds)) {
      const streams = await unit.loadMany(ids.map((dossierId) => `dossier-${dossierId}`), awardDecisionDecider);
      for (const dossierId of ids) {
        const { state } = streams.get(`dossier-${dossierId}`)!;
        if (state.status === 'none') throw new Error(`the shortlist names dossier ${dossierId}, whose stream is empty`);
        dossiers.push(state);
      }
    }
    return dossiers;
  }
}

/** The ledgers of the listed applicants, sorted: every decision appends to them in the same order. */
function ledgerStreamsOf(listed: readonly Dossier[], year: number): string[] {
  return [...new Set(listed.map((dossier) => fundStreamOf(dossier.applicantCreditCode, year)))].sort();
}
