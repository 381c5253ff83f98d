import type { CommandContext } from '@app/platform';

export class CloseReviewCommand {
  constructor(
    readonly selectionId: string,
    readonly context: CommandContext,
  ) {}
}
