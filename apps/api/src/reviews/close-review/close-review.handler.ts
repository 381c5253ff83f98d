import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { reviewInputOf } from '@app/domain/dossier';
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
      const inputs = dossiers
        .map(reviewInputOf)
        .filter((input): input is DossierReviewInput => input !== null);
      await unit.decide(stream, selectionDecider, {
        type: 'CloseReview',
        data: { candidates: inputs.map((input) => input.candidate), scores: inputs.flatMap((input) => input.scores) },
        metadata: context.metadata,
      });
    }, { stream });
  }
}
