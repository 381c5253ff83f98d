import type { CommandContext } from '@app/platform';
import type { EditDossierRequest } from './edit-dossier.request.dto';

export class EditDossierCommand {
  constructor(
    readonly dossierId: string,
    readonly request: EditDossierRequest,
    readonly context: CommandContext,
  ) {}
}
