import type { CommandContext } from '@app/platform';

export class RemoveAttachmentCommand {
  constructor(
    readonly dossierId: string,
    readonly attachmentId: string,
    readonly context: CommandContext,
  ) {}
}
