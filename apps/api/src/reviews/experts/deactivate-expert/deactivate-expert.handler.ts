import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { expertDecider } from '@app/domain/expert';
import type { UnitOfWorkResult } from '@app/platform';
import { AccountsService } from '../../../auth/accounts.service';
import { CommandRunner } from '../../../workflow/command-runner';
import { StreamDirectory } from '../../../workflow/stream-directory';
import { expertStreamOf } from '../../review-facts';
import { DeactivateExpertCommand } from './deactivate-expert.command';

/**
 * Takes the expert out of the pool, disables his sign-in and ends his sessions. The account is disabled
 * first, so a crash between the two steps errs on the safe side (no sign-in, expert still in the pool,
 * the admin deactivates again); a refusal of the command restores it.
 */
@CommandHandler(DeactivateExpertCommand)
export class DeactivateExpertHandler implements ICommandHandler<DeactivateExpertCommand, UnitOfWorkResult<void>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: StreamDirectory,
    private readonly accounts: AccountsService,
  ) {}

  async execute({ expertId, reason, context }: DeactivateExpertCommand): Promise<UnitOfWorkResult<void>> {
    await this.directory.expert(expertId); // 404 before anything else
    const account = await this.accounts.ofExpert(expertId);
    const wasActive = account ? await this.accounts.setActive(account.id, false) : false;
    const stream = expertStreamOf(expertId);
    try {
      return await this.runner.run('DeactivateExpert', context, async (unit) => {
        await unit.decide(stream, expertDecider, { type: 'DeactivateExpert', data: { expertId, reason }, metadata: context.metadata });
      }, { stream });
    } catch (error) {
      if (account && wasActive) await this.accounts.setActive(account.id, true);
      throw error;
    }
  }
}
