import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { dossierDecider, scoresInStage } from '@app/domain/dossier';
import { selectionFactsOf } from '@app/domain/selection';
import type { UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../../workflow/command-runner';
import { StreamDirectory } from '../../../workflow/stream-directory';
import { ReviewFacts, dossierStreamOf } from '../../review-facts';
import { assignedDossierOf } from '../assigned-dossier';
import { ScoreDossierCommand } from './score-dossier.command';

/** The expert's own score: SubmitScore the first time, AmendScore after (until review closes). */
@CommandHandler(ScoreDossierCommand)
export class ScoreDossierHandler implements ICommandHandler<ScoreDossierCommand, UnitOfWorkResult<void>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: StreamDirectory,
    private readonly facts: ReviewFacts,
  ) {}

  async execute({ dossierId, request, context }: ScoreDossierCommand): Promise<UnitOfWorkResult<void>> {
    const { metadata } = context;
    const { value: known } = await assignedDossierOf(this.directory, dossierId, metadata);
    const stream = dossierStreamOf(dossierId);
    return this.runner.run('ScoreDossier', context, async (unit) => {
      // Reads that do not depend on each other, sent together: one round trip of latency, not four.
      const [{ value: current }, expert, { state }, declaration] = await Promise.all([
        this.directory.selection(known.selectionId),
        this.facts.expertOf(metadata),
        unit.load(stream, dossierDecider),
        this.directory.signature(known.selectionId, metadata.actor.expertId ?? ''),
      ]);
      const selection = selectionFactsOf(current);
      const scored = state.status !== 'none' && scoresInStage(state, selection.stage ?? 1).some((score) => score.expertId === expert.expertId);
      const data = { dossierId, selection, expert, declaration, points: request.points, comment: request.comment };
      await unit.decide(stream, dossierDecider, scored ? { type: 'AmendScore', data, metadata } : { type: 'SubmitScore', data, metadata });
    }, { stream });
  }
}
