import type { CommandContext } from '@app/platform';

export class WithdrawDossierCommand {
  constructor(
    readonly dossierId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}
