import type { CommandContext } from '@app/platform';

export class CloseReviewStageCommand {
  constructor(
    readonly selectionId: string,
    readonly context: CommandContext,
  ) {}
}
