import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { DossierCommand } from '@app/domain/dossier';
import type { SelectionFacts } from '@app/domain/selection';
import type { UnitOfWorkResult } from '@app/platform';
import { DossierCommandRunner } from '../shared/dossier-command-runner';
import { requireVisible } from '../shared/dossier-visibility';
import { DefenceCommand } from './defence.command';

/** The admin schedules a dossier's defence (答辩) in the panel stage and records whether the applicant came. */
@CommandHandler(DefenceCommand)
export class DefenceHandler implements ICommandHandler<DefenceCommand, UnitOfWorkResult<void>> {
  constructor(private readonly dossiers: DossierCommandRunner) {}

  execute({ dossierId, action, context }: DefenceCommand): Promise<UnitOfWorkResult<void>> {
    const { metadata } = context;
    const commandOf = (selection: SelectionFacts): DossierCommand => {
      if (action.kind === 'attendance') {
        return { type: 'RecordDefenceAttendance', data: { dossierId, selection, attended: action.attendance.attended, note: action.attendance.note ?? null }, metadata };
      }
      const { date, startTime, place, link, order } = action.slot;
      return { type: 'ScheduleDefence', data: { dossierId, selection, slot: { date, startTime, place: place ?? null, link: link ?? null, order } }, metadata };
    };
    return this.dossiers.run(action.kind === 'attendance' ? 'RecordDefenceAttendance' : 'ScheduleDefence', dossierId, context, requireVisible, commandOf);
  }
}
