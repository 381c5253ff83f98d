import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { dossierDecider, dossiersToRecuseForConflict } from '@app/domain/dossier';
import { expertDecider } from '@app/domain/expert';
import { selectionFactsOf } from '@app/domain/selection';
import { refuse } from '@app/domain/shared/refusal';
import { CommandRunner } from '../../../workflow/command-runner';
import { StreamDirectory } from '../../../workflow/stream-directory';
import { ReviewReads } from '../../review-reads';
import { dossierStreamOf, expertStreamOf } from '../../review-facts';
import { DeclareConflictCommand } from './declare-conflict.command';
import type { ConflictDeclaredResponse } from './declare-conflict.request.dto';

/**
 * Declares the conflict on the expert, and recuses him (回避) in the same append from every dossier
 * of that organisation where he holds a place in the running stage of a selection under expert review
 * (an online assignment, or a panel seat: the same ExpertRecused his own recusal records).
 */
@CommandHandler(DeclareConflictCommand)
export class DeclareConflictHandler implements ICommandHandler<DeclareConflictCommand, ConflictDeclaredResponse> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: StreamDirectory,
    private readonly reads: ReviewReads,
  ) {}

  async execute({ expertId, request, context }: DeclareConflictCommand): Promise<ConflictDeclaredResponse> {
    const { actor } = context.metadata;
    if (actor.role === 'expert' && actor.expertId !== expertId) {
      throw refuse('forbidden', 'an expert may declare conflicts only for himself', 'forbidden');
    }
    await this.directory.expert(expertId); // 404 before anything else
    const stream = expertStreamOf(expertId);
    const result = await this.runner.run('DeclareConflict', context, async (unit) => {
      const { events } = await unit.decide(stream, expertDecider, {
        type: 'DeclareConflict',
        data: { expertId, creditCode: request.creditCode, reason: request.reason },
        metadata: context.metadata,
      });
      const declared = events.find((event) => event.type === 'ConflictDeclared');
      if (declared?.type !== 'ConflictDeclared') return [];
      const inReview = (await this.reads.selections()).filter((selection) => selection.phase === 'expert-review');
      const recusedFrom: string[] = [];
      for (const selection of inReview) {
        const dossiers = await this.reads.reviewedDossiersOf(selection);
        for (const dossierId of dossiersToRecuseForConflict(dossiers, selection.stage, expertId, declared.data.creditCode)) {
          await unit.decide(dossierStreamOf(dossierId), dossierDecider, {
            type: 'RecuseExpert',
            data: { dossierId, selection: selectionFactsOf(selection), expertId, reason: `回避: ${request.reason}` },
            metadata: context.metadata,
          });
          recusedFrom.push(dossierId);
        }
      }
      return recusedFrom;
    }, { stream });
    return { expertId, revision: String(result.revisions.get(stream) ?? ''), recusedFrom: result.value };
  }
}
