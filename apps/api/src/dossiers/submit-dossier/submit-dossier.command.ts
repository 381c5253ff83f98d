import type { CommandContext } from '@app/platform';

export class SubmitDossierCommand {
  constructor(
    readonly dossierId: string,
    readonly context: CommandContext,
  ) {}
}
