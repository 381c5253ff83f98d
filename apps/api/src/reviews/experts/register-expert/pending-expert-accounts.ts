import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import type { Account } from '../../../auth/account.entity';
import { AccountsService } from '../../../auth/accounts.service';
import { expertStreamOf } from '../../review-facts';

/** A reservation younger than this may belong to a registration still under way in another process. */
export const PENDING_GRACE_MS = 5_000;

/**
 * Finishes what a crash interrupted in RegisterExpertHandler: a pending account whose expert stream
 * exists is confirmed; one without it, once older than the grace period, is removed and its username
 * freed. Runs at start-up, and for one username before it is registered again.
 */
@Injectable()
export class PendingExpertAccounts implements OnApplicationBootstrap {
  private readonly logger = new Logger('accounts');

  constructor(
    private readonly accounts: AccountsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const account of await this.accounts.pendingExpertAccounts()) await this.settle(account);
  }

  async reclaim(username: string): Promise<void> {
    const account = await this.accounts.findByUsername(username);
    if (account && account.role === 'expert' && account.pendingSince !== null) await this.settle(account);
  }

  private async settle(account: Account): Promise<void> {
    const registered = account.expertId !== null && (await this.store.streamRevision(expertStreamOf(account.expertId))) !== null;
    if (registered) {
      await this.accounts.confirm(account.id);
      this.logger.log(`confirmed the expert account "${account.username}" whose registration was interrupted after its event`);
    } else if (Date.now() - (account.pendingSince as Date).getTime() >= PENDING_GRACE_MS) {
      await this.accounts.remove(account.id);
      this.logger.log(`removed the expert account "${account.username}" whose registration was interrupted before its event`);
    }
  }
}
