import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { stageReviewInputOf } from '@app/domain/dossier';
import type { DossierReviewInput } from '@app/domain/dossier';
import { selectionDecider, selectionStreamOf } from '@app/domain/selection';
import type { UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../workflow/command-runner';
import { StreamDirectory } from '../../workflow/stream-directory';
import { readRounds } from '../../workflow/read-rounds';
import { CloseReviewCommand } from './close-review.command';

/** Freezes the shortlist from the candidates and the scores that count, read from the dossiers. */
@CommandHandler(CloseReviewCommand)
export class CloseReviewHandler implements ICommandHandler<CloseReviewCommand, UnitOfWorkResult<void>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: StreamDirectory,
  ) {}

  async execute({ selectionId, context }: CloseReviewCommand): Promise<UnitOfWorkResult<void>> {
    const stream = selectionStreamOf(selectionId);
    await this.directory.selection(selectionId); // 404 before anything else
    return this.runner.run('CloseReview', context, async (unit) => {
      const { state } = await unit.load(stream, selectionDecider);
      // In a panel stage the candidates are the dossiers the stage before put forward, with the panel's scores.
      const inputs = state.phase === 'none' ? [] : await this.reviewInputsOf(state.reviewDossierIds, state.stage);
      await unit.decide(stream, selectionDecider, {
        type: 'CloseReview',
        data: { candidates: inputs.map((input) => input.candidate), scores: inputs.flatMap((input) => input.scores) },
        metadata: context.metadata,
      });
    }, { stream });
  }

  /** The candidate and counted totals of each dossier under review, read from its stream by id (never a category read). */
  private async reviewInputsOf(dossierIds: readonly string[], stage: number): Promise<DossierReviewInput[]> {
    const inputs: DossierReviewInput[] = [];
    for (const ids of readRounds(dossierIds)) {
      for (const dossier of await this.directory.dossiersById(ids)) {
        const input = stageReviewInputOf(dossier, stage);
        if (input !== null) inputs.push(input);
      }
    }
    return inputs;
  }
}
