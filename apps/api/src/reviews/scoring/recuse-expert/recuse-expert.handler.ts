import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { dossierDecider } from '@app/domain/dossier';
import { selectionFactsOf } from '@app/domain/selection';
import type { UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../../workflow/command-runner';
import { StreamDirectory } from '../../../workflow/stream-directory';
import { dossierStreamOf } from '../../review-facts';
import { assignedDossierOf } from '../assigned-dossier';
import { RecuseExpertCommand } from './recuse-expert.command';

/** The expert steps back from one dossier (回避); his place is freed for a replacement round. */
@CommandHandler(RecuseExpertCommand)
export class RecuseExpertHandler implements ICommandHandler<RecuseExpertCommand, UnitOfWorkResult<void>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: StreamDirectory,
  ) {}

  async execute({ dossierId, reason, context }: RecuseExpertCommand): Promise<UnitOfWorkResult<void>> {
    const { metadata } = context;
    const { value: known } = await assignedDossierOf(this.directory, dossierId, metadata);
    const stream = dossierStreamOf(dossierId);
    return this.runner.run('RecuseExpert', context, async (unit) => {
      const selection = selectionFactsOf((await this.directory.selection(known.selectionId)).value);
      await unit.decide(stream, dossierDecider, {
        type: 'RecuseExpert',
        data: { dossierId, selection, expertId: metadata.actor.expertId as string, reason },
        metadata,
      });
    }, { stream });
  }
}
