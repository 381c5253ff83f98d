import type { CommandContext } from '@app/platform';

export class DeactivateExpertCommand {
  constructor(
    readonly expertId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}
