import { randomBytes } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { dossierDecider } from '@app/domain/dossier';
import { selectionFactsOf } from '@app/domain/selection';
import { refuse } from '@app/domain/shared/refusal';
import type { UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../workflow/command-runner';
import { StreamDirectory } from '../../workflow/stream-directory';
import { dossierStreamOf } from '../shared/dossier-stream';
import { requireKnownExperts } from '../shared/known-experts';
import { DraftDossierCommand } from './draft-dossier.command';

@CommandHandler(DraftDossierCommand)
export class DraftDossierHandler implements ICommandHandler<DraftDossierCommand, UnitOfWorkResult<string>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: StreamDirectory,
  ) {}

  async execute({ selectionId, request, context }: DraftDossierCommand): Promise<UnitOfWorkResult<string>> {
    const creditCode = context.metadata.actor.organisationCreditCode;
    if (!creditCode) throw refuse('forbidden', 'only a user of an applicant organisation drafts a dossier', 'forbidden');
    await requireKnownExperts(this.directory, request.excludedExpertIds);
    // A fresh id per draft: an organisation may file several dossiers in one selection.
    const dossierId = `${selectionId}-${randomBytes(4).toString('hex')}`;
    const stream = dossierStreamOf(dossierId);
    return this.runner.run('DraftDossier', context, async (unit) => {
      const { value: selection } = await this.directory.selection(selectionId);
      await unit.decide(stream, dossierDecider, {
        type: 'DraftDossier',
        data: {
          dossierId,
          selection: selectionFactsOf(selection),
          applicantCreditCode: creditCode,
          title: request.title,
          projectCode: request.projectCode ?? null,
          tier: request.tier,
          fields: request.fields,
          declaredInvestmentFen: request.declaredInvestmentFen ?? null,
          excludedExpertIds: request.excludedExpertIds ?? [],
        },
        metadata: context.metadata,
      });
      return dossierId;
    });
  }
}
