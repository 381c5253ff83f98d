import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { selectionDecider, selectionIdOf, selectionStreamOf } from '@app/domain/selection';
import type { CallRuleOverrides } from '@app/domain/programmes';
import type { UnitOfWorkResult } from '@app/platform';
import { ProgrammeCatalogue } from '../../catalogue/programme-catalogue';
import { CommandRunner } from '../../workflow/command-runner';
import { OpenSelectionCommand } from './open-selection.command';

@CommandHandler(OpenSelectionCommand)
export class OpenSelectionHandler implements ICommandHandler<OpenSelectionCommand, UnitOfWorkResult<string>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly catalogue: ProgrammeCatalogue,
  ) {}

  execute({ request, context }: OpenSelectionCommand): Promise<UnitOfWorkResult<string>> {
    const selectionId = selectionIdOf(request.programme, request.year, request.batch);
    const stream = selectionStreamOf(selectionId);
    return this.runner.run('OpenCall', context, async (unit) => {
      await unit.decide(stream, selectionDecider, {
        type: 'OpenCall',
        data: {
          programme: request.programme,
          year: request.year,
          batch: request.batch ?? null,
          rules: this.catalogue.rules(request.programme),
          overrides: (request.overrides ?? {}) as CallRuleOverrides,
          submissionDeadlineDate: request.submissionDeadlineDate,
        },
        metadata: context.metadata,
      });
      return selectionId;
    });
  }
}
