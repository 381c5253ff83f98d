import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Roles } from '../../auth/access.decorators';
import type { TokenClaims } from '../../auth/actor';
import { ApiErrors } from '../../http/api-errors.decorator';
import { NotificationDelivery } from '../delivery/notification-delivery';
import { InboxResponse, NotificationAddressResponse } from './inbox.response.dto';
import { InboxReads } from './inbox-reads';
import { NotificationAddressRequest } from './notification-address.request.dto';

const claimsOf = (request: Request) => request.user as TokenClaims;

@ApiTags('通知 notifications')
@ApiBearerAuth()
@Controller('api/v1/me')
@Roles('admin', 'expert', 'applicant')
export class InboxController {
  constructor(
    private readonly inbox: InboxReads,
    private readonly delivery: NotificationDelivery,
  ) {}

  @Get('notifications')
  @ApiOperation({ summary: 'My notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: InboxResponse })
  @ApiErrors(401)
  read(@Req() request: Request): Promise<InboxResponse> {
    return this.inbox.inbox(claimsOf(request));
  }

  @Post('notifications/:notificationId/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Marks one of my notifications read' })
  @ApiNoContentResponse()
  @ApiErrors(401, 404)
  async markRead(@Req() request: Request, @Param('notificationId') notificationId: string): Promise<void> {
    await this.inbox.markRead(claimsOf(request), notificationId);
  }

  @Get('notification-address')
  @ApiOperation({ summary: 'Where my notifications are mailed' })
  @ApiOkResponse({ type: NotificationAddressResponse })
  @ApiErrors(401)
  async address(@Req() request: Request): Promise<NotificationAddressResponse> {
    return { email: await this.inbox.address(claimsOf(request)), mailIsOn: this.delivery.mailIsOn };
  }

  @Put('notification-address')
  @ApiOperation({ summary: 'Sets where my notifications are mailed (null: no mail, the inbox stays)' })
  @ApiOkResponse({ type: NotificationAddressResponse })
  @ApiErrors(400, 401)
  async setAddress(@Req() request: Request, @Body() body: NotificationAddressRequest): Promise<NotificationAddressResponse> {
    await this.inbox.setAddress(claimsOf(request), body.email ?? null);
    return { email: body.email ?? null, mailIsOn: this.delivery.mailIsOn };
  }
}
