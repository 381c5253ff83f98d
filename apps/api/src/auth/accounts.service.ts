import { randomBytes } from 'node:crypto';
import { ConflictException, Injectable, NotFoundException, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { Account, AccountRole } from './account.entity';
import { AccountCheck } from './account-check';
import type { TokenClaims } from './actor';
import { PasswordHasher } from './password-hasher';
import { SignInThrottle } from './sign-in-throttle';

export interface NewAccount {
  readonly username: string;
  readonly password: string;
  readonly role: AccountRole;
  readonly displayName: string;
  readonly organisationCreditCode?: string;
  readonly expertId?: string;
  /** Reserved, not yet usable: an expert account waiting for its event (see RegisterExpertHandler). */
  readonly pending?: boolean;
}

const SIGN_IN_REFUSED = 'the username or password is wrong, or the account is disabled';

@Injectable()
export class AccountsService implements OnModuleInit {
  /** Verified instead of a real hash when the user is unknown, so both answers take as long. */
  private dummyHash = '';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly check: AccountCheck,
    private readonly throttle: SignInThrottle,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hasher.hash(randomBytes(24).toString('base64url'));
  }

  /** Creates an account; inside `manager` when it must commit together with other rows. */
  async create(account: NewAccount, manager: EntityManager = this.dataSource.manager): Promise<Account> {
    const repository = manager.getRepository(Account);
    if (await repository.existsBy({ username: account.username })) {
      throw new ConflictException(`the username "${account.username}" is taken; choose another`);
    }
    // A concurrent insert of the same username fails on the unique index: the error filter answers 409.
    return repository.save(
      repository.create({
        username: account.username,
        passwordHash: await this.hasher.hash(account.password),
        role: account.role,
        displayName: account.displayName,
        organisationCreditCode: account.organisationCreditCode ?? null,
        expertId: account.expertId ?? null,
        active: true,
        pendingSince: account.pending ? new Date() : null,
      }),
    );
  }

  async adminExists(): Promise<boolean> {
    return this.dataSource.getRepository(Account).existsBy({ role: 'admin', active: true });
  }

  async findByUsername(username: string): Promise<Account | null> {
    return this.dataSource.getRepository(Account).findOneBy({ username });
  }

  /**
   * The same answer, in the same time, for an unknown user, a wrong password and a disabled account:
   * nothing to learn about who exists. Failed attempts count per username and per address.
   */
  async login(username: string, password: string, address: string): Promise<{ accessToken: string; account: Account }> {
    await this.throttle.assertMayTry(username, address);
    const account = await this.findByUsername(username);
    const matches = await this.hasher.verify(account?.passwordHash ?? this.dummyHash, password);
    const usable = account !== null && account.active && account.pendingSince === null;
    if (!matches || !usable || !account) {
      await this.throttle.failed(username, address);
      throw new UnauthorizedException(SIGN_IN_REFUSED);
    }
    await this.throttle.succeeded(username);
    return { accessToken: await this.jwt.signAsync(claimsOf(account)), account };
  }

  /** Sets a new password and ends every session of the account (admin). */
  async resetPassword(username: string, password: string): Promise<Account> {
    const account = await this.require(username);
    await this.dataSource.getRepository(Account).update(
      { id: account.id },
      { passwordHash: await this.hasher.hash(password), tokenVersion: () => 'token_version + 1' },
    );
    this.check.forget(account.id);
    await this.throttle.lift(username);
    return account;
  }

  /** A token at the account's current version, after this process forgets what it knew of the account. */
  async reissue(accountId: string): Promise<string> {
    this.check.forget(accountId);
    const account = await this.dataSource.getRepository(Account).findOneByOrFail({ id: accountId });
    return this.jwt.signAsync(claimsOf(account));
  }

  /** Ends every session of the account: tokens signed before now are refused from the next request on. */
  async signOutEverywhere(username: string): Promise<Account> {
    const account = await this.require(username);
    await this.revoke(account.id);
    return account;
  }

  async revoke(accountId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(Account).update({ id: accountId }, { tokenVersion: () => 'token_version + 1' });
    this.check.forget(accountId);
  }

  /** Disables or enables sign-in; disabling also ends every session. Returns the previous state. */
  async setActive(accountId: string, active: boolean): Promise<boolean> {
    const repository = this.dataSource.getRepository(Account);
    const before = await repository.findOneBy({ id: accountId });
    if (!before) return false;
    await repository.update({ id: accountId }, { active, tokenVersion: () => 'token_version + 1' });
    this.check.forget(accountId);
    return before.active;
  }

  async ofExpert(expertId: string): Promise<Account | null> {
    return this.dataSource.getRepository(Account).findOneBy({ expertId });
  }

  /** A reserved expert account becomes usable once its event is written. */
  async confirm(accountId: string): Promise<void> {
    await this.dataSource.getRepository(Account).update({ id: accountId }, { pendingSince: null });
  }

  async pendingExpertAccounts(): Promise<Account[]> {
    return this.dataSource.getRepository(Account).find({ where: { role: 'expert', pendingSince: NotNull() } });
  }

  async remove(accountId: string): Promise<void> {
    await this.dataSource.getRepository(Account).delete({ id: accountId });
    this.check.forget(accountId);
  }

  private async require(username: string): Promise<Account> {
    const account = await this.findByUsername(username);
    if (!account) throw new NotFoundException(`there is no account "${username}"`);
    return account;
  }
}

function NotNull() {
  return Not(IsNull());
}

export function claimsOf(account: Account): TokenClaims {
  return {
    sub: account.id,
    role: account.role,
    name: account.displayName,
    ...(account.organisationCreditCode ? { org: account.organisationCreditCode } : {}),
    ...(account.expertId ? { expert: account.expertId } : {}),
    ver: account.tokenVersion,
  };
}
