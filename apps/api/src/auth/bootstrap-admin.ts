import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '@app/platform';
import type { AppConfig } from '@app/platform';
import { AccountsService } from './accounts.service';

/** With ADMIN_USERNAME and ADMIN_PASSWORD set, the first admin exists once the app is up. */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger('accounts');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_USERNAME: username, ADMIN_PASSWORD: password } = this.config;
    if (!username || !password) {
      if (!(await this.accounts.adminExists())) {
        this.logger.warn('no admin account yet: start once with ADMIN_USERNAME and ADMIN_PASSWORD set to create it');
      }
      return;
    }
    if (await this.accounts.findByUsername(username)) return;
    await this.accounts.create({ username, password, role: 'admin', displayName: '系统管理员' });
    this.logger.log(`created the admin account "${username}" from ADMIN_USERNAME`);
  }
}
