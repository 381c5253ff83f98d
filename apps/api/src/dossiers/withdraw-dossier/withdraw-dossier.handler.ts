import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { UnitOfWorkResult } from '@app/platform';
import { DossierCommandRunner } from '../shared/dossier-command-runner';
import { requireOwner } from '../shared/dossier-visibility';
import { WithdrawDossierCommand } from './withdraw-dossier.command';

@CommandHandler(WithdrawDossierCommand)
export class WithdrawDossierHandler implements ICommandHandler<WithdrawDossierCommand, UnitOfWorkResult<void>> {
  constructor(private readonly dossiers: DossierCommandRunner) {}

  execute({ dossierId, reason, context }: WithdrawDossierCommand): Promise<UnitOfWorkResult<void>> {
    return this.dossiers.run('WithdrawDossier', dossierId, context, requireOwner, (selection) => ({
      type: 'WithdrawDossier',
      data: { dossierId, selection, reason },
      metadata: context.metadata,
    }));
  }
}
