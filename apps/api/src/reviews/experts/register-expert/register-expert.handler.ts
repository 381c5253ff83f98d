import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { expertDecider } from '@app/domain/expert';
import { crashPoint } from '@app/platform';
import { AccountsService } from '../../../auth/accounts.service';
import { CommandRunner } from '../../../workflow/command-runner';
import { expertStreamOf } from '../../review-facts';
import { PendingExpertAccounts } from './pending-expert-accounts';
import { RegisterExpertCommand } from './register-expert.command';
import type { RegisteredExpertResponse } from './register-expert.request.dto';

export const BETWEEN_ACCOUNT_AND_EVENT = 'register-expert:between-account-and-event';
export const BETWEEN_EVENT_AND_CONFIRMATION = 'register-expert:between-event-and-confirmation';

/**
 * Registers the expert and creates his account, all or nothing, on either event store.
 *
 * The event store may be another database (KurrentDB), so one transaction cannot hold both. Instead:
 * 1. the account is reserved *pending*: it holds the username (the one thing someone else can take)
 *    but cannot sign in, and no token of it is accepted;
 * 2. the ExpertRegistered event is appended;
 * 3. the account is confirmed.
 * A refusal or failure at 2 removes the reservation. A crash after 1 leaves a reservation without an
 * expert: it never signs in, and PendingExpertAccounts removes it (at start-up, or when the username is
 * asked for again). A crash after 2 leaves an expert whose account is pending: confirmed at start-up.
 */
@CommandHandler(RegisterExpertCommand)
export class RegisterExpertHandler implements ICommandHandler<RegisterExpertCommand, RegisteredExpertResponse> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly accounts: AccountsService,
    private readonly pending: PendingExpertAccounts,
  ) {}

  async execute({ request, context }: RegisterExpertCommand): Promise<RegisteredExpertResponse> {
    const expertId = randomUUID().replace(/-/g, '').slice(0, 16);
    await this.pending.reclaim(request.username);
    const account = await this.accounts.create({
      username: request.username,
      password: request.password,
      role: 'expert',
      displayName: request.name,
      expertId,
      pending: true,
    });
    crashPoint(BETWEEN_ACCOUNT_AND_EVENT);
    const stream = expertStreamOf(expertId);
    let revision: bigint | undefined;
    try {
      const result = await this.runner.run('RegisterExpert', context, async (unit) => {
        await unit.decide(stream, expertDecider, {
          type: 'RegisterExpert',
          data: {
            expertId,
            name: request.name,
            organisationName: request.organisationName,
            organisationCreditCode: request.organisationCreditCode,
            fields: request.fields,
          },
          metadata: context.metadata,
        });
      }, { stream });
      revision = result.revisions.get(stream);
    } catch (error) {
      await this.accounts.remove(account.id);
      throw error;
    }
    crashPoint(BETWEEN_EVENT_AND_CONFIRMATION);
    await this.accounts.confirm(account.id);
    return { expertId, username: request.username, revision: String(revision ?? '') };
  }
}
