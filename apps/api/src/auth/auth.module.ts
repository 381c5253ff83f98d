import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '@app/platform';
import type { AppConfig } from '@app/platform';
import { AccessGuard } from './access.guard';
import { Account } from './account.entity';
import { AccountsService } from './accounts.service';
import { JWT_SECRET } from './auth.tokens';
import { AccountCheck } from './account-check';
import { AdminAccountsController } from './admin-accounts/admin-accounts.controller';
import { BootstrapAdmin } from './bootstrap-admin';
import { CsrfProtection } from './csrf-protection';
import { JwtStrategy } from './jwt.strategy';
import { resolveJwtSecret } from './jwt-secret';
import { LoginController } from './login/login.controller';
import { Organisation } from './organisation.entity';
import { PasswordHasher } from './password-hasher';
import { SignInThrottle } from './sign-in-throttle';
import { AccountPasswords } from './account-passwords';
import { OrganisationRegistration } from './register-organisation/organisation-registration';
import { RegisterOrganisationController } from './register-organisation/register-organisation.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature([Account, Organisation]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG, JWT_SECRET],
      extraProviders: [
        { provide: JWT_SECRET, inject: [APP_CONFIG], useFactory: (config: AppConfig) => resolveJwtSecret(config.JWT_SECRET, config.DATA_DIR) },
      ],
      useFactory: (config: AppConfig, secret: string) => ({
        // A key object, as in JwtStrategy: given the string, jsonwebtoken tries it as a PEM key first on
        // every sign and verify (the portal's stale-session check verifies on every page).
        secret: createSecretKey(Buffer.from(secret)) as unknown as string,
        signOptions: { expiresIn: config.JWT_EXPIRES_IN as `${number}${'s' | 'm' | 'h' | 'd'}`, algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [
    { provide: JWT_SECRET, inject: [APP_CONFIG], useFactory: (config: AppConfig) => resolveJwtSecret(config.JWT_SECRET, config.DATA_DIR) },
    PasswordHasher,
    AccountCheck,
    SignInThrottle,
    AccountsService,
    JwtStrategy,
    BootstrapAdmin,
    OrganisationRegistration,
    AccountPasswords,
    CsrfProtection,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  controllers: [LoginController, RegisterOrganisationController, AdminAccountsController],
  exports: [AccountsService, JwtModule, CsrfProtection, SignInThrottle, OrganisationRegistration, AccountPasswords],
})
export class AuthModule {}
