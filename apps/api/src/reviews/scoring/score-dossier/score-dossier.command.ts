import type { CommandContext } from '@app/platform';
import type { ScoreDossierRequest } from './score-dossier.request.dto';

export class ScoreDossierCommand {
  constructor(
    readonly dossierId: string,
    readonly request: ScoreDossierRequest,
    readonly context: CommandContext,
  ) {}
}
