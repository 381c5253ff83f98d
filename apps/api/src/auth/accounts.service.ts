import { ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Account, AccountRole } from './account.entity';
import type { TokenClaims } from './actor';
import { PasswordHasher } from './password-hasher';

export interface NewAccount {
  readonly username: string;
  readonly password: string;
  readonly role: AccountRole;
  readonly displayName: string;
  readonly organisationCreditCode?: string;
  readonly expertId?: string;
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
  ) {}

  /** Creates an account; inside `manager` when it must commit together with other rows. */
  async create(account: NewAccount, manager: EntityManager = this.dataSource.manager): Promise<Account> {
    const repository = manager.getRepository(Account);
    if (await repository.existsBy({ username: account.username })) {
      throw new ConflictException(`the username "${account.username}" is taken; choose another`);
    }
    return repository.save(
      repository.create({
        username: account.username,
        passwordHash: await this.hasher.hash(account.password),
        role: account.role,
        displayName: account.displayName,
        organisationCreditCode: account.organisationCreditCode ?? null,
        expertId: account.expertId ?? null,
        active: true,
      }),
    );
  }

  async adminExists(): Promise<boolean> {
    return this.dataSource.getRepository(Account).existsBy({ role: 'admin', active: true });
  }

  async findByUsername(username: string): Promise<Account | null> {
    return this.dataSource.getRepository(Account).findOneBy({ username });
  }

  /** The same answer for an unknown user and a wrong password: nothing to learn about who exists. */
  async login(username: string, password: string): Promise<{ accessToken: string; account: Account }> {
    const account = await this.findByUsername(username);
    const valid = account !== null && account.active && (await this.hasher.verify(account.passwordHash, password));
    if (!valid || !account) throw new UnauthorizedException('the username or password is wrong, or the account is disabled');
    const claims: TokenClaims = {
      sub: account.id,
      role: account.role,
      name: account.displayName,
      ...(account.organisationCreditCode ? { org: account.organisationCreditCode } : {}),
      ...(account.expertId ? { expert: account.expertId } : {}),
    };
    return { accessToken: await this.jwt.signAsync(claims), account };
  }
}
