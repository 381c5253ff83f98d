import type { CommandContext } from '@app/platform';
import type { StoredUpload } from './hashing-disk-storage';

export class AddAttachmentCommand {
  constructor(
    readonly dossierId: string,
    readonly attachmentId: string,
    readonly kind: string,
    readonly file: StoredUpload,
    /** The dossier's quota in bytes on disk (the programme's attachments.maxTotalBytes). */
    readonly maxTotalBytes: number,
    readonly context: CommandContext,
  ) {}
}
