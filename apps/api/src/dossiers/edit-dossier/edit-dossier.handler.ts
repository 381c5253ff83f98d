import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { DossierChanges } from '@app/domain/dossier';
import type { UnitOfWorkResult } from '@app/platform';
import { StreamDirectory } from '../../workflow/stream-directory';
import { DossierCommandRunner } from '../shared/dossier-command-runner';
import { requireKnownExperts } from '../shared/known-experts';
import { requireOwner } from '../shared/dossier-visibility';
import { EditDossierCommand } from './edit-dossier.command';

@CommandHandler(EditDossierCommand)
export class EditDossierHandler implements ICommandHandler<EditDossierCommand, UnitOfWorkResult<void>> {
  constructor(
    private readonly dossiers: DossierCommandRunner,
    private readonly directory: StreamDirectory,
  ) {}

  async execute({ dossierId, request, context }: EditDossierCommand): Promise<UnitOfWorkResult<void>> {
    await requireKnownExperts(this.directory, request.excludedExpertIds);
    // Keep only what the client sent: an absent field is "unchanged", null is "clear".
    const changes = Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined)) as DossierChanges;
    return this.dossiers.run('EditDossier', dossierId, context, requireOwner, (selection) => ({
      type: 'EditDossier',
      data: { dossierId, selection, changes },
      metadata: context.metadata,
    }));
  }
}
