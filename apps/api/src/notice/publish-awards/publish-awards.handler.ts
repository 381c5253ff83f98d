import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { selectionDecider, selectionStreamOf } from '@app/domain/selection';
import type { UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../workflow/command-runner';
import { loadSelectionState } from '../shared/load-selection';
import { PublishAwardsCommand } from './publish-awards.command';

@CommandHandler(PublishAwardsCommand)
export class PublishAwardsHandler implements ICommandHandler<PublishAwardsCommand, UnitOfWorkResult<void>> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ selectionId, context }: PublishAwardsCommand): Promise<UnitOfWorkResult<void>> {
    const stream = selectionStreamOf(selectionId);
    return this.runner.run('PublishAwards', context, async (unit) => {
      await loadSelectionState(unit, selectionId); // 404 for an unknown selection
      await unit.decide(stream, selectionDecider, { type: 'PublishAwards', data: {}, metadata: context.metadata });
    }, { stream });
  }
}
