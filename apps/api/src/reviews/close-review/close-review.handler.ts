import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { stageReviewInputOf } from '@app/domain/dossier';
import type { DossierReviewInput } from '@app/domain/dossier';
import { selectionDecider, selectionStreamOf } from '@app/domain/selection';
import type { UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../workflow/command-runner';
import { StreamDirectory } from '../../workflow/stream-directory';
import { ReviewReads } from '../review-reads';
import { CloseReviewCommand } from './close-review.command';

/** Freezes the shortlist from the candidates and the scores that count, read from the dossiers. */
@CommandHandler(CloseReviewCommand)
export class CloseReviewHandler implements ICommandHandler<CloseReviewCommand, UnitOfWorkResult<void>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: StreamDirectory,
    private readonly reads: ReviewReads,
  ) {}

  async execute({ selectionId, context }: CloseReviewCommand): Promise<UnitOfWorkResult<void>> {
    const stream = selectionStreamOf(selectionId);
    await this.directory.selection(selectionId); // 404 before anything else
    return this.runner.run('CloseReview', context, async (unit) => {
      const { state } = await unit.load(stream, selectionDecider);
      const dossiers = state.phase === 'none' ? [] : await this.reads.reviewedDossiersOf(state);
      // In a panel stage the candidates are the dossiers the stage before put forward, with the panel's scores.
      const stage = state.phase === 'none' ? 1 : state.stage;
      const inputs = dossiers
        .map((dossier) => stageReviewInputOf(dossier, stage))
        .filter((input): input is DossierReviewInput => input !== null);
      await unit.decide(stream, selectionDecider, {
        type: 'CloseReview',
        data: { candidates: inputs.map((input) => input.candidate), scores: inputs.flatMap((input) => input.scores) },
        metadata: context.metadata,
      });
    }, { stream });
  }
}
