import type { CommandContext } from '@app/platform';
import type { StoredUpload } from './hashing-disk-storage';

export class AddAttachmentCommand {
  constructor(
    readonly dossierId: string,
    readonly attachmentId: string,
    readonly kind: string,
    readonly file: StoredUpload,
    readonly context: CommandContext,
  ) {}
}
