import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { commitmentDecider, commitmentStreamOf, signatureOf } from '@app/domain/commitments';
import { Dossier, dossierDecider, scoresInStage } from '@app/domain/dossier';
import { conflictExpertOf, expertDecider } from '@app/domain/expert';
import { selectionFactsOf } from '@app/domain/selection';
import { requireIfMatch } from '@app/platform';
import type { UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../../workflow/command-runner';
import { StreamDirectory, registeredExpertOf } from '../../../workflow/stream-directory';
import { dossierStreamOf } from '../../review-facts';
import { requireAssignedTo } from '../assigned-dossier';
import { ScoreDossierCommand } from './score-dossier.command';

/** The dossier as the score left it, and the review stage the selection was in. */
export interface ScoredDossier {
  readonly dossier: Dossier;
  readonly stage: number;
}

/**
 * The expert's own score: SubmitScore the first time, AmendScore after (until review closes). Answers
 * with the dossier as the score left it, so the response needs no second read of the streams.
 */
@CommandHandler(ScoreDossierCommand)
export class ScoreDossierHandler implements ICommandHandler<ScoreDossierCommand, UnitOfWorkResult<ScoredDossier>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: StreamDirectory,
  ) {}

  async execute({ dossierId, request, context }: ScoreDossierCommand): Promise<UnitOfWorkResult<ScoredDossier>> {
    const { metadata } = context;
    const stream = dossierStreamOf(dossierId);
    const expertId = metadata.actor.expertId;
    const expertStream = `expert-${expertId}`;
    // The dossier, the expert and his signature of the declaration are read whole, in one query: the
    // signature's stream is named by the selection, which a dossier's id starts with (a guess that
    // misses only reads it on its own).
    const selectionGuess = /^(.+)-[0-9a-f]{8}$/.exec(dossierId)?.[1];
    const readAhead = expertId ? [stream, expertStream, ...(selectionGuess ? [commitmentStreamOf(selectionGuess, expertId)] : [])] : [];
    return this.runner.run('ScoreDossier', context, async (unit) => {
      // The dossier's checks first: one never assigned to this expert is 404 before anything else is
      // looked at, and before If-Match is compared (a 412 would tell a stranger the dossier exists).
      const { state, revision } = await unit.load(stream, dossierDecider);
      const known = requireAssignedTo(state, dossierId, metadata);
      requireIfMatch(context, stream, revision);
      // The selection's tail (from its snapshot) beside the expert and his signature (read ahead).
      const [{ value: current }, expertFold, commitment] = await Promise.all([
        this.directory.selection(known.selectionId),
        unit.load(expertStream, expertDecider),
        unit.load(commitmentStreamOf(known.selectionId, expertId!), commitmentDecider),
      ]);
      const registered = registeredExpertOf(expertId!, expertFold);
      const declaration = signatureOf(commitment.state);
      const selection = selectionFactsOf(current);
      const expert = conflictExpertOf(registered.value);
      const stage = selection.stage ?? 1;
      const scored = scoresInStage(known, stage).some((score) => score.expertId === expert.expertId);
      const data = { dossierId, selection, expert, declaration, points: request.points, comment: request.comment };
      const decided = await unit.decide(stream, dossierDecider, scored ? { type: 'AmendScore', data, metadata } : { type: 'SubmitScore', data, metadata });
      return { dossier: decided.state as Dossier, stage };
    }, { readAhead });
  }
}
