import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { UnitOfWorkResult } from '@app/platform';
import { DossierCommandRunner } from '../shared/dossier-command-runner';
import { requireOwner } from '../shared/dossier-visibility';
import { AttachmentFiles } from './attachment-files';
import { RemoveAttachmentCommand } from './remove-attachment.command';

@CommandHandler(RemoveAttachmentCommand)
export class RemoveAttachmentHandler implements ICommandHandler<RemoveAttachmentCommand, UnitOfWorkResult<void>> {
  constructor(
    private readonly dossiers: DossierCommandRunner,
    private readonly files: AttachmentFiles,
  ) {}

  async execute({ dossierId, attachmentId, context }: RemoveAttachmentCommand): Promise<UnitOfWorkResult<void>> {
    const result = await this.dossiers.run('RemoveAttachment', dossierId, context, requireOwner, (selection) => ({
      type: 'RemoveAttachment',
      data: { dossierId, selection, attachmentId },
      metadata: context.metadata,
    }));
    // The bytes go only once the removal is recorded.
    await this.files.remove(this.files.pathOf(dossierId, attachmentId));
    return result;
  }
}
