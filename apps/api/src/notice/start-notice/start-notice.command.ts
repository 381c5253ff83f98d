import type { CommandContext } from '@app/platform';

export class StartNoticeCommand {
  constructor(
    readonly selectionId: string,
    readonly startsOn: string | undefined,
    readonly context: CommandContext,
  ) {}
}
