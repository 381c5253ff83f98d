import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { DossierCommand } from '@app/domain/dossier';
import type { SelectionFacts } from '@app/domain/selection';
import type { UnitOfWorkResult } from '@app/platform';
import { DossierCommandRunner } from '../shared/dossier-command-runner';
import { requireVisible } from '../shared/dossier-visibility';
import { FormalReviewCommand } from './formal-review.command';

const COMMAND_TYPES = { pass: 'PassFormalReview', return: 'ReturnForCorrection', reject: 'RejectDossier' } as const;

@CommandHandler(FormalReviewCommand)
export class FormalReviewHandler implements ICommandHandler<FormalReviewCommand, UnitOfWorkResult<void>> {
  constructor(private readonly dossiers: DossierCommandRunner) {}

  execute({ dossierId, request, context }: FormalReviewCommand): Promise<UnitOfWorkResult<void>> {
    const commandOf = (selection: SelectionFacts): DossierCommand => {
      const { metadata } = context;
      switch (request.decision) {
        case 'pass':
          return {
            type: 'PassFormalReview',
            data: { dossierId, selection, approvedInvestmentFen: request.approvedInvestmentFen ?? null, note: request.note ?? null },
            metadata,
          };
        case 'return':
          return {
            type: 'ReturnForCorrection',
            data: { dossierId, selection, reason: request.reason ?? '', correctionDeadlineDate: request.correctionDeadlineDate ?? '' },
            metadata,
          };
        case 'reject':
          return { type: 'RejectDossier', data: { dossierId, selection, reason: request.reason ?? '' }, metadata };
      }
    };
    return this.dossiers.run(COMMAND_TYPES[request.decision], dossierId, context, requireVisible, commandOf);
  }
}
