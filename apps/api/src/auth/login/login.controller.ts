import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
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
  async login(@Body() body: LoginRequest): Promise<LoginResponse> {
    const { accessToken, account } = await this.accounts.login(body.username, body.password);
    return { accessToken, role: account.role, expiresIn: this.config.JWT_EXPIRES_IN };
  }
}
