import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { refuse } from '@app/domain/shared/refusal';
import type { UnitOfWorkResult } from '@app/platform';
import { DossierCommandRunner } from '../shared/dossier-command-runner';
import { requireOwner } from '../shared/dossier-visibility';
import { AddAttachmentCommand } from './add-attachment.command';
import { AttachmentFiles } from './attachment-files';
import { requireRoomOnDisk } from './attachment-quota';
import { contentContradicts } from './content-signature';

/**
 * Records a stored upload on the dossier; the decider checks kind, media type, count and total size.
 * The temporary file is checked (content, quota on disk), moved into place, and then recorded; if the
 * record is refused or fails, the moved file is removed again.
 */
@CommandHandler(AddAttachmentCommand)
export class AddAttachmentHandler implements ICommandHandler<AddAttachmentCommand, UnitOfWorkResult<void>> {
  constructor(
    private readonly dossiers: DossierCommandRunner,
    private readonly files: AttachmentFiles,
  ) {}

  async execute({ dossierId, attachmentId, kind, file, maxTotalBytes, context }: AddAttachmentCommand): Promise<UnitOfWorkResult<void>> {
    if (contentContradicts(file.mimetype, file.head)) {
      throw refuse('attachment-content-mismatch', `${file.originalname}: the content is not a ${file.mimetype} file`, 'invalid');
    }
    await requireRoomOnDisk(this.files, dossierId, file.size, maxTotalBytes);
    const placed = await this.files.moveIntoPlace(file.path, dossierId, attachmentId);
    try {
      return await this.dossiers.run('AddAttachment', dossierId, context, requireOwner, (selection) => ({
        type: 'AddAttachment',
        data: {
          dossierId,
          selection,
          attachment: { attachmentId, kind, name: file.originalname, mediaType: file.mimetype, sizeBytes: file.size, sha256: file.sha256 },
        },
        metadata: context.metadata,
      }));
    } catch (error) {
      await this.files.remove(placed);
      throw error;
    }
  }
}
