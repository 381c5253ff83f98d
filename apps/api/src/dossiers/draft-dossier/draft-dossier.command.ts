import type { CommandContext } from '@app/platform';
import type { DraftDossierRequest } from './draft-dossier.request.dto';

export class DraftDossierCommand {
  constructor(
    readonly selectionId: string,
    readonly request: DraftDossierRequest,
    readonly context: CommandContext,
  ) {}
}
