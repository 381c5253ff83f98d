import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { awardInputOf, dossierDecider, openObjectionsOf } from '@app/domain/dossier';
import type { Dossier } from '@app/domain/dossier';
import { selectedDossierIdsOf, selectionDecider, selectionFactsOf, selectionStreamOf } from '@app/domain/selection';
import type { Selection } from '@app/domain/selection';
import type { UnitOfWork, UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../workflow/command-runner';
import { StreamDirectory } from '../../workflow/stream-directory';
import { loadSelectionState } from '../shared/load-selection';
import { NoticeReads } from '../shared/notice-reads';
import { DecideAwardsCommand } from './decide-awards.command';

export interface AwardsDecidedSummary {
  readonly awarded: number;
  readonly notAwarded: number;
  readonly totalPaidFen: number;
}

/**
 * DecideAwards on the selection, then the process manager's step — AwardDossier / NotAwardDossier to
 * every ranked dossier — in the same atomic append: the list and the dossiers never disagree.
 */
@CommandHandler(DecideAwardsCommand)
export class DecideAwardsHandler implements ICommandHandler<DecideAwardsCommand, UnitOfWorkResult<AwardsDecidedSummary>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: StreamDirectory,
    private readonly reads: NoticeReads,
  ) {}

  async execute({ selectionId, context }: DecideAwardsCommand): Promise<UnitOfWorkResult<AwardsDecidedSummary>> {
    const stream = selectionStreamOf(selectionId);
    const before = (await this.directory.selection(selectionId)).value;
    const earlierAwards = await this.reads.earlierAwards(before);
    const { metadata } = context;
    return this.runner.run('DecideAwards', context, async (unit) => {
      const selection = await loadSelectionState(unit, selectionId);
      const listed = await Promise.all(selectedDossierIdsOf(selection).map((id) => this.dossier(unit, id)));
      const inRace = await Promise.all(selection.aggregates.map((aggregate) => this.dossier(unit, aggregate.dossierId)));
      const { events, state } = await unit.decide(stream, selectionDecider, {
        type: 'DecideAwards',
        data: {
          dossiers: listed.map(awardInputOf),
          earlierAwards,
          openObjections: inRace.flatMap(openObjectionsOf),
        },
        metadata,
      });
      const decided = events.find((event) => event.type === 'AwardsDecided');
      if (decided?.type !== 'AwardsDecided') throw new Error('DecideAwards answered without AwardsDecided');
      const facts = selectionFactsOf(state as Selection);
      for (const line of decided.data.awards) {
        await unit.decide(`dossier-${line.dossierId}`, dossierDecider, {
          type: 'AwardDossier',
          data: { dossierId: line.dossierId, selection: facts, tier: line.tier, rank: line.rank, award: line.award },
          metadata,
        });
      }
      for (const line of decided.data.notAwarded) {
        await unit.decide(`dossier-${line.dossierId}`, dossierDecider, {
          type: 'NotAwardDossier',
          data: { dossierId: line.dossierId, selection: facts, reason: line.reason },
          metadata,
        });
      }
      return { awarded: decided.data.awards.length, notAwarded: decided.data.notAwarded.length, totalPaidFen: decided.data.totalPaidFen };
    }, { stream });
  }

  private async dossier(unit: UnitOfWork, dossierId: string): Promise<Dossier> {
    const { state } = await unit.load(`dossier-${dossierId}`, dossierDecider);
    if (state.status === 'none') throw new Error(`the shortlist names dossier ${dossierId}, whose stream is empty`);
    return state;
  }
}
