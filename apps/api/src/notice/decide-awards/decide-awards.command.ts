import type { IdentityDeclaration } from '@app/domain/awards';
import type { CommandContext } from '@app/platform';

export class DecideAwardsCommand {
  constructor(
    readonly selectionId: string,
    readonly context: CommandContext,
    /** The admin's word on pairs whose project code and title conflict; none by default. */
    readonly identityDeclarations: readonly IdentityDeclaration[] = [],
  ) {}
}
