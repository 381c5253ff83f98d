import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { DossierCommand } from '@app/domain/dossier';
import type { SelectionFacts } from '@app/domain/selection';
import type { UnitOfWorkResult } from '@app/platform';
import { DossierCommandRunner } from '../shared/dossier-command-runner';
import { requireVisible } from '../shared/dossier-visibility';
import { ValidReviewsCommand } from './valid-reviews.command';

@CommandHandler(ValidReviewsCommand)
export class ValidReviewsHandler implements ICommandHandler<ValidReviewsCommand, UnitOfWorkResult<void>> {
  constructor(private readonly dossiers: DossierCommandRunner) {}

  execute({ dossierId, action, reason, context }: ValidReviewsCommand): Promise<UnitOfWorkResult<void>> {
    const { metadata } = context;
    const commandOf = (selection: SelectionFacts): DossierCommand =>
      action.kind === 'invalidate-score'
        ? { type: 'InvalidateScore', data: { dossierId, selection, expertId: action.expertId, reason, ...(action.stage === undefined ? {} : { stage: action.stage }) }, metadata }
        : { type: 'MarkNotEvaluable', data: { dossierId, selection, reason }, metadata };
    return this.dossiers.run(action.kind === 'invalidate-score' ? 'InvalidateScore' : 'MarkNotEvaluable', dossierId, context, requireVisible, commandOf);
  }
}
