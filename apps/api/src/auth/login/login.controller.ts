import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { APP_CONFIG } from '@app/platform';
import type { AppConfig } from '@app/platform';
import { ErrorBody } from '../../http/error-body';
import { Public } from '../access.decorators';
import { AccountsService } from '../accounts.service';
import { LoginRequest, LoginResponse } from './login.request.dto';

@ApiTags('账户 accounts')
@Controller('api/v1/auth')
export class LoginController {
  constructor(
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with username and password; returns a JWT' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'wrong username or password, or a disabled account' })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'missing or malformed fields' })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'too many failed sign-ins for this username or from this address (Retry-After)' })
  async login(@Body() body: LoginRequest, @Req() request: Request): Promise<LoginResponse> {
    const { accessToken, account } = await this.accounts.login(body.username, body.password, clientAddress(request));
    return { accessToken, role: account.role, expiresIn: this.config.JWT_EXPIRES_IN };
  }
}

/** The client's address as Express sees it (behind a reverse proxy: set TRUST_PROXY). */
export function clientAddress(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
