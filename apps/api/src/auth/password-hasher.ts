import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { APP_CONFIG } from '@app/platform';
import type { AppConfig } from '@app/platform';

/**
 * argon2id (memory-hard; the current OWASP recommendation) at the configured cost, by default the
 * library's. A hash carries its own parameters, so changing the cost never locks anyone out.
 */
@Injectable()
export class PasswordHasher {
  private readonly options: argon2.HashOptions & { raw?: false };

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.options = {
      type: argon2.argon2id,
      memoryCost: config.PASSWORD_HASH_MEMORY_KIB,
      timeCost: config.PASSWORD_HASH_TIME_COST,
      parallelism: config.PASSWORD_HASH_PARALLELISM,
    };
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}
