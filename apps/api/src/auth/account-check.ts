import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '@app/platform';
import type { AppConfig } from '@app/platform';
import type { TokenClaims } from './actor';

interface Known {
  readonly usable: boolean;
  readonly version: number;
  readonly until: number;
}

/**
 * Every authenticated request: does the token's account still exist, may it sign in, and was the token
 * signed at its current version? Answers are kept ACCOUNT_CACHE_MS (0: read every time); this process
 * forgets an account at once when it changes it, other processes within that time.
 */
@Injectable()
export class AccountCheck {
  private readonly known = new Map<string, Known>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async isCurrent(claims: TokenClaims): Promise<boolean> {
    if (typeof claims.sub !== 'string' || typeof claims.ver !== 'number') return false;
    const now = Date.now();
    let known = this.known.get(claims.sub);
    if (!known || known.until <= now) {
      known = await this.read(claims.sub, now);
      if (this.config.ACCOUNT_CACHE_MS > 0) {
        if (this.known.size > 10_000) this.known.clear();
        this.known.set(claims.sub, known);
      }
    }
    return known.usable && known.version === claims.ver;
  }

  forget(accountId: string): void {
    this.known.delete(accountId);
  }

  private async read(accountId: string, now: number): Promise<Known> {
    const until = now + this.config.ACCOUNT_CACHE_MS;
    if (!/^[0-9a-f-]{36}$/i.test(accountId)) return { usable: false, version: -1, until };
    const rows: { active: boolean; token_version: number; pending_since: Date | null }[] = await this.dataSource.query(
      'SELECT active, token_version, pending_since FROM accounts WHERE id = $1',
      [accountId],
    );
    const row = rows[0];
    return row ? { usable: row.active && row.pending_since === null, version: row.token_version, until } : { usable: false, version: -1, until };
  }
}
