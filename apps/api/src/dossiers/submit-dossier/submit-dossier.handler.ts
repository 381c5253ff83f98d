import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { UnitOfWorkResult } from '@app/platform';
import { DossierCommandRunner } from '../shared/dossier-command-runner';
import { requireOwner } from '../shared/dossier-visibility';
import { SubmitDossierCommand } from './submit-dossier.command';

/** Submits before the deadline, or resubmits a corrected dossier; the refusal lists what is missing. */
@CommandHandler(SubmitDossierCommand)
export class SubmitDossierHandler implements ICommandHandler<SubmitDossierCommand, UnitOfWorkResult<void>> {
  constructor(private readonly dossiers: DossierCommandRunner) {}

  execute({ dossierId, context }: SubmitDossierCommand): Promise<UnitOfWorkResult<void>> {
    return this.dossiers.run('SubmitDossier', dossierId, context, requireOwner, (selection) => ({
      type: 'SubmitDossier',
      data: { dossierId, selection },
      metadata: context.metadata,
    }));
  }
}
