import type { CommandContext } from '@app/platform';

export class SignDeclarationCommand {
  constructor(
    readonly selectionId: string,
    readonly version: string,
    readonly context: CommandContext,
  ) {}
}
