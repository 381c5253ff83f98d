import { Injectable } from '@nestjs/common';
import { dossierDecider } from '@app/domain/dossier';
import type { Dossier, DossierCommand } from '@app/domain/dossier';
import { selectionFactsOf } from '@app/domain/selection';
import type { SelectionFacts } from '@app/domain/selection';
import { requireIfMatch } from '@app/platform';
import type { CommandContext, UnitOfWorkResult } from '@app/platform';
import { refuse } from '@app/domain/shared/refusal';
import { CommandRunner } from '../../workflow/command-runner';
import { StreamDirectory } from '../../workflow/stream-directory';
import { dossierStreamOf } from './dossier-stream';

/** Who may send the command: the applicant organisation that owns the dossier, or an admin. */
export type DossierActorCheck = (dossier: Dossier, actor: CommandContext['metadata']['actor']) => Dossier;

/**
 * The command path of every command on an existing dossier: check the caller may see it (404
 * otherwise, before If-Match is compared, so a 412 never tells a stranger it exists), read the
 * selection's facts, decide on the dossier stream with If-Match. The dossier is read once, by the unit.
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
    const stream = dossierStreamOf(dossierId);
    return this.runner.run(commandType, context, async (unit) => {
      const { state, revision } = await unit.load(stream, dossierDecider);
      if (state.status === 'none') throw refuse('dossier-not-found', `there is no dossier "${dossierId}"`, 'not-found');
      mayAct(state, context.metadata.actor);
      requireIfMatch(context, stream, revision);
      // The selection is read on every attempt, so a retry sees a phase change made meanwhile.
      const { value: selection } = await this.directory.selection(state.selectionId);
      await unit.decide(stream, dossierDecider, commandOf(selectionFactsOf(selection), state));
    });
  }
}
