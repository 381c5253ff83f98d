import type { CommandContext } from '@app/platform';

export class RecuseExpertCommand {
  constructor(
    readonly dossierId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}
