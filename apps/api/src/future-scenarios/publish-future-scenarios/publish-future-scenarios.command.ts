import type { FutureScenarioEntry } from '@app/domain/future-scenarios';
import type { CommandContext } from '@app/platform';

export class PublishFutureScenariosCommand {
  constructor(
    readonly year: number,
    readonly scenarios: readonly FutureScenarioEntry[],
    readonly context: CommandContext,
  ) {}
}
