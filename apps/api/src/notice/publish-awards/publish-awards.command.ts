import type { CommandContext } from '@app/platform';

export class PublishAwardsCommand {
  constructor(
    readonly selectionId: string,
    readonly context: CommandContext,
  ) {}
}
