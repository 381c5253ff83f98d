import type { CommandContext } from '@app/platform';

export class DecideAwardsCommand {
  constructor(
    readonly selectionId: string,
    readonly context: CommandContext,
  ) {}
}
