import { Injectable } from '@nestjs/common';
import { dossierDecider } from '@app/domain/dossier';
import type { Dossier, DossierCommand } from '@app/domain/dossier';
import { selectionFactsOf } from '@app/domain/selection';
import type { SelectionFacts } from '@app/domain/selection';
import type { CommandContext, UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../workflow/command-runner';
import { StreamDirectory } from '../../workflow/stream-directory';
import { dossierStreamOf } from './dossier-stream';

/** Who may send the command: the applicant organisation that owns the dossier, or an admin. */
export type DossierActorCheck = (dossier: Dossier, actor: CommandContext['metadata']['actor']) => Dossier;

/**
 * The command path of every command on an existing dossier: check the caller may see it (404
 * otherwise), read the selection's facts, decide on the dossier stream with If-Match.
 */
@Injectable()
export class DossierCommandRunner {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: StreamDirectory,
  ) {}

  async run(
    commandType: DossierCommand['type'],
    dossierId: string,
    context: CommandContext,
    mayAct: DossierActorCheck,
    commandOf: (facts: SelectionFacts, dossier: Dossier) => DossierCommand,
  ): Promise<UnitOfWorkResult<void>> {
    const { value: known } = await this.directory.dossier(dossierId);
    mayAct(known, context.metadata.actor);
    const stream = dossierStreamOf(dossierId);
    return this.runner.run(
      commandType,
      context,
      async (unit) => {
        // The selection is read on every attempt, so a retry sees a phase change made meanwhile.
        const { value: selection } = await this.directory.selection(known.selectionId);
        const { state } = await unit.load(stream, dossierDecider);
        await unit.decide(stream, dossierDecider, commandOf(selectionFactsOf(selection), state as Dossier));
      },
      { stream },
    );
  }
}
