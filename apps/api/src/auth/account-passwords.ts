import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { refuse } from '@app/domain/shared/refusal';
import { Account } from './account.entity';
import { AccountsService } from './accounts.service';
import { PasswordHasher } from './password-hasher';

const MIN_LENGTH = 10;
const MAX_LENGTH = 200;

function requireGoodPassword(password: string): void {
  if (password.length < MIN_LENGTH || password.length > MAX_LENGTH) {
    throw refuse('weak-password', `a password has ${MIN_LENGTH}-${MAX_LENGTH} characters`, 'invalid');
  }
}

/**
 * Passwords after the account exists: the user changes his own (knowing the current one), an
 * administrator sets a new one for a user who forgot his (忘记密码 goes through the administrator).
 */
@Injectable()
export class AccountPasswords {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly accounts: AccountsService,
  ) {}

  /**
   * The user's own change: the new password, and every other session of the account ends (the token
   * version moves on); the session that changed it goes on with the fresh token returned here.
   */
  async change(accountId: string, current: string, next: string): Promise<{ accessToken: string }> {
    const accounts = this.dataSource.getRepository(Account);
    const account = await accounts.findOneBy({ id: accountId });
    if (!account || !account.active) throw refuse('account-not-found', 'the signed-in account no longer exists or is disabled', 'not-found');
    if (!(await this.hasher.verify(account.passwordHash, current))) throw refuse('wrong-password', 'the current password is wrong', 'invalid');
    requireGoodPassword(next);
    await accounts.update({ id: account.id }, { passwordHash: await this.hasher.hash(next), tokenVersion: () => 'token_version + 1' });
    return { accessToken: await this.accounts.reissue(account.id) };
  }

  /** An administrator's reset: the new password, and every session of the account ends (AccountsService). */
  async reset(username: string, next: string): Promise<void> {
    const account = await this.dataSource.getRepository(Account).findOneBy({ username });
    if (!account) throw refuse('account-not-found', `there is no account "${username}"`, 'not-found');
    requireGoodPassword(next);
    await this.accounts.resetPassword(username, next);
  }

  async describe(accountId: string): Promise<Account | null> {
    return this.dataSource.getRepository(Account).findOneBy({ id: accountId });
  }
}
