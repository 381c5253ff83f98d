import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { stageReviewInputOf } from '@app/domain/dossier';
import type { DossierReviewInput } from '@app/domain/dossier';
import { selectionDecider, selectionStreamOf } from '@app/domain/selection';
import type { UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../workflow/command-runner';
import { StreamDirectory } from '../../workflow/stream-directory';
import { ReviewReads } from '../review-reads';
import { CloseReviewStageCommand } from './close-stage.command';

/** Closes the review stage in progress: ranks it from the dossiers' scores and puts the next stage's dossiers forward. */
@CommandHandler(CloseReviewStageCommand)
export class CloseReviewStageHandler implements ICommandHandler<CloseReviewStageCommand, UnitOfWorkResult<void>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: StreamDirectory,
    private readonly reads: ReviewReads,
  ) {}

  async execute({ selectionId, context }: CloseReviewStageCommand): Promise<UnitOfWorkResult<void>> {
    const stream = selectionStreamOf(selectionId);
    await this.directory.selection(selectionId); // 404 before anything else
    return this.runner.run('CloseReviewStage', context, async (unit) => {
      const { state } = await unit.load(stream, selectionDecider);
      const dossiers = state.phase === 'none' ? [] : await this.reads.reviewedDossiersOf(state);
      const stage = state.phase === 'none' ? 1 : state.stage;
      const inputs = dossiers.map((dossier) => stageReviewInputOf(dossier, stage)).filter((input): input is DossierReviewInput => input !== null);
      await unit.decide(stream, selectionDecider, {
        type: 'CloseReviewStage',
        data: { candidates: inputs.map((input) => input.candidate), scores: inputs.flatMap((input) => input.scores) },
        metadata: context.metadata,
      });
    }, { stream });
  }
}
