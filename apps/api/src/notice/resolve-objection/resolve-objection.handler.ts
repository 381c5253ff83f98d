import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { dossierDecider } from '@app/domain/dossier';
import { selectionDecider, selectionStreamOf } from '@app/domain/selection';
import type { UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../workflow/command-runner';
import { loadSelection } from '../shared/load-selection';
import { NoticeReads } from '../shared/notice-reads';
import { ResolveObjectionCommand } from './resolve-objection.command';

export interface ObjectionResolved {
  readonly dossierId: string;
  readonly selectionId: string;
  /** The reserve that moved up (递补) when the objection was upheld. */
  readonly promotedDossierId: string | null;
}

/**
 * The dossier's decision and the selection's record of it (with 递补 when upheld) are written in one
 * atomic append, so the list never disagrees with the objection.
 */
@CommandHandler(ResolveObjectionCommand)
export class ResolveObjectionHandler implements ICommandHandler<ResolveObjectionCommand, UnitOfWorkResult<ObjectionResolved>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly reads: NoticeReads,
  ) {}

  async execute({ objectionId, request, context }: ResolveObjectionCommand): Promise<UnitOfWorkResult<ObjectionResolved>> {
    const { dossierId, selectionId } = await this.reads.dossierOfObjection(objectionId);
    const stream = `dossier-${dossierId}`;
    const { outcome, finding } = request;
    return this.runner.run('ResolveObjection', context, async (unit) => {
      const selection = await loadSelection(unit, selectionId);
      await unit.decide(stream, dossierDecider, {
        type: outcome === 'upheld' ? 'UpholdObjection' : 'DismissObjection',
        data: { dossierId, selection, objectionId, finding },
        metadata: context.metadata,
      });
      const { events } = await unit.decide(selectionStreamOf(selectionId), selectionDecider, {
        type: 'RecordObjectionOutcome',
        data: { dossierId, objectionId, outcome, finding },
        metadata: context.metadata,
      });
      const dropped = events.find((event) => event.type === 'ShortlistEntryDropped');
      const promotedDossierId = dropped?.type === 'ShortlistEntryDropped' ? (dropped.data.promoted?.dossierId ?? null) : null;
      return { dossierId, selectionId, promotedDossierId };
    }, { stream });
  }
}
