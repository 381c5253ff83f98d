import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { futureScenariosDecider, futureScenariosStreamOf } from '@app/domain/future-scenarios';
import type { UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../workflow/command-runner';
import { PublishFutureScenariosCommand } from './publish-future-scenarios.command';

@CommandHandler(PublishFutureScenariosCommand)
export class PublishFutureScenariosHandler implements ICommandHandler<PublishFutureScenariosCommand, UnitOfWorkResult<void>> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ year, scenarios, context }: PublishFutureScenariosCommand): Promise<UnitOfWorkResult<void>> {
    const stream = futureScenariosStreamOf(year);
    return this.runner.run('PublishFutureScenarios', context, async (unit) => {
      // Only the fields the list has, in order: the request object carries nothing else into the event.
      const entries = scenarios.map(({ title, description }) => ({ title, description }));
      await unit.decide(stream, futureScenariosDecider, { type: 'PublishFutureScenarios', data: { year, scenarios: entries }, metadata: context.metadata });
    }, { stream });
  }
}
