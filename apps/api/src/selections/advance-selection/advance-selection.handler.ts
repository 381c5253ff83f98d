import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { selectionDecider, selectionStreamOf } from '@app/domain/selection';
import type { SelectionCommand } from '@app/domain/selection';
import type { UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../workflow/command-runner';
import { StreamDirectory } from '../../workflow/stream-directory';
import { AdvanceSelectionCommand } from './advance-selection.command';

@CommandHandler(AdvanceSelectionCommand)
export class AdvanceSelectionHandler implements ICommandHandler<AdvanceSelectionCommand, UnitOfWorkResult<void>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: StreamDirectory,
  ) {}

  async execute({ selectionId, step, context }: AdvanceSelectionCommand): Promise<UnitOfWorkResult<void>> {
    const stream = selectionStreamOf(selectionId);
    await this.directory.selection(selectionId); // 404 before anything else
    return this.runner.run(step, context, async (unit) => {
      await unit.decide(stream, selectionDecider, await this.commandFor(selectionId, step, context.metadata));
    }, { stream });
  }

  private async commandFor(selectionId: string, step: AdvanceSelectionCommand['step'], metadata: AdvanceSelectionCommand['context']['metadata']): Promise<SelectionCommand> {
    if (step === 'close-submissions') return { type: 'CloseSubmissions', data: {}, metadata };
    // Formal review closes on the dossiers' own decisions, read from their streams.
    const dossiers = await this.directory.dossiersOf(selectionId);
    return {
      type: 'CloseFormalReview',
      data: {
        passedDossierIds: dossiers.filter((dossier) => dossier.status === 'passed').map((dossier) => dossier.dossierId),
        awaitingDecision: dossiers.filter((dossier) => dossier.status === 'submitted').map((dossier) => dossier.dossierId),
      },
      metadata,
    };
  }
}
