import { Body, Controller, Delete, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../http/api-errors.decorator';
import { Roles } from '../access.decorators';
import { AccountsService } from '../accounts.service';
import { SignInThrottle } from '../sign-in-throttle';
import { AccountActionResponse, ResetPasswordRequest } from './admin-accounts.request.dto';

/** What an administrator does for a person who lost a password, a device, or was locked out. */
@ApiTags('账户 accounts')
@ApiBearerAuth()
@Controller('api/v1/accounts/:username')
export class AdminAccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly throttle: SignInThrottle,
  ) {}

  @Put('password')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password for an account; ends all its sessions and lifts its sign-in lock (admin)' })
  @ApiOkResponse({ type: AccountActionResponse })
  @ApiErrors(400, 401, 403, 404)
  async resetPassword(@Param('username') username: string, @Body() body: ResetPasswordRequest): Promise<AccountActionResponse> {
    await this.accounts.resetPassword(username, body.password);
    return { username, sessionsEnded: true, lockLifted: true };
  }

  @Post('sign-out')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign an account out everywhere: every token it holds stops working (admin)' })
  @ApiOkResponse({ type: AccountActionResponse })
  @ApiErrors(401, 403, 404)
  async signOut(@Param('username') username: string): Promise<AccountActionResponse> {
    await this.accounts.signOutEverywhere(username);
    return { username, sessionsEnded: true };
  }

  @Delete('lockout')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift the sign-in lock of a username (and of a client address, when given) before it expires (admin)' })
  @ApiQuery({ name: 'address', required: false, description: 'a client address locked by too many failed sign-ins' })
  @ApiOkResponse({ type: AccountActionResponse })
  @ApiErrors(401, 403)
  async lift(@Param('username') username: string, @Query('address') address?: string): Promise<AccountActionResponse> {
    const lifted = await this.throttle.lift(username);
    const liftedAddress = typeof address === 'string' && address.length > 0 ? await this.throttle.liftAddress(address) : false;
    return { username, sessionsEnded: false, lockLifted: lifted || liftedAddress };
  }
}
