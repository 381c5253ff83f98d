import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { expertDecider } from '@app/domain/expert';
import type { UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../../workflow/command-runner';
import { StreamDirectory } from '../../../workflow/stream-directory';
import { expertStreamOf } from '../../review-facts';
import { DeactivateExpertCommand } from './deactivate-expert.command';

@CommandHandler(DeactivateExpertCommand)
export class DeactivateExpertHandler implements ICommandHandler<DeactivateExpertCommand, UnitOfWorkResult<void>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: StreamDirectory,
  ) {}

  async execute({ expertId, reason, context }: DeactivateExpertCommand): Promise<UnitOfWorkResult<void>> {
    await this.directory.expert(expertId); // 404 before anything else
    const stream = expertStreamOf(expertId);
    return this.runner.run('DeactivateExpert', context, async (unit) => {
      await unit.decide(stream, expertDecider, { type: 'DeactivateExpert', data: { expertId, reason }, metadata: context.metadata });
    }, { stream });
  }
}
