import type { CommandContext } from '@app/platform';

/** The phase steps an admin takes that need no body: close submissions, close formal review. */
export type SelectionStep = 'close-submissions' | 'close-formal-review';

export class AdvanceSelectionCommand {
  constructor(
    readonly selectionId: string,
    readonly step: SelectionStep,
    readonly context: CommandContext,
  ) {}
}
