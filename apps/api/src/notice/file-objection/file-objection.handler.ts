import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { dossierDecider } from '@app/domain/dossier';
import { refuse } from '@app/domain/shared/refusal';
import type { UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../workflow/command-runner';
import { loadSelection } from '../shared/load-selection';
import { FileObjectionCommand } from './file-objection.command';

@CommandHandler(FileObjectionCommand)
export class FileObjectionHandler implements ICommandHandler<FileObjectionCommand, UnitOfWorkResult<string>> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ selectionId, request, context }: FileObjectionCommand): Promise<UnitOfWorkResult<string>> {
    const objectionId = randomUUID();
    const stream = `dossier-${request.dossierId}`;
    return this.runner.run('FileObjection', context, async (unit) => {
      const selection = await loadSelection(unit, selectionId);
      const dossier = await unit.load(stream, dossierDecider);
      // Only the notice's own dossiers exist for the public; anything else is "not found".
      if (dossier.state.status === 'none' || dossier.state.selectionId !== selectionId) {
        throw refuse('dossier-not-found', `dossier "${request.dossierId}" is not part of ${selectionId}`, 'not-found');
      }
      await unit.decide(stream, dossierDecider, {
        type: 'FileObjection',
        data: {
          dossierId: request.dossierId,
          selection,
          objectionId,
          objector: { name: request.name, contact: request.contact, organisation: request.organisation ?? null },
          reason: request.reason,
        },
        metadata: context.metadata,
      });
      return objectionId;
    });
  }
}
