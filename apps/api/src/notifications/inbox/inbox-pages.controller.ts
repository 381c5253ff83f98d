import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../auth/access.decorators';
import type { TokenClaims } from '../../auth/actor';
import { beijingTime, PortalViews } from '../../portal/portal-views';
import { chromeOf, claimsOf, csrfIsValid, CSRF_FIELD } from '../../portal/portal-session';
import { NotificationDelivery } from '../delivery/notification-delivery';
import { InboxReads } from './inbox-reads';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** 消息: every signed-in account's notifications with the unread count, marking read, and the mail address. */
@ApiExcludeController()
@Controller('inbox')
export class InboxPagesController {
  constructor(
    private readonly views: PortalViews,
    private readonly inbox: InboxReads,
    private readonly delivery: NotificationDelivery,
  ) {}

  @Get()
  @Public()
  async page(@Query('saved') saved: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    const claims = this.signedIn(request, response);
    if (!claims) return;
    await this.render(request, response, claims, { saved: saved !== undefined });
  }

  @Post('read')
  @Public()
  async read(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const claims = this.signedIn(request, response);
    if (!claims) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.render(request, response, claims, { formError: '页面已过期,请刷新后重试。' }, 403);
    if (body.all === '1') await this.inbox.markAllRead(claims);
    else if (typeof body.notificationId === 'string') {
      try {
        await this.inbox.markRead(claims, body.notificationId);
      } catch {
        return this.render(request, response, claims, { formError: '没有这条通知,或它不是发给您的;请刷新后再试。' }, 404);
      }
    }
    response.redirect(303, '/inbox');
  }

  @Post('address')
  @Public()
  async address(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const claims = this.signedIn(request, response);
    if (!claims) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.render(request, response, claims, { formError: '页面已过期,请刷新后重试。' }, 403);
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    if (email !== '' && (!EMAIL.test(email) || email.length > 254)) {
      return this.render(request, response, claims, { addressError: '请填写有效的电子邮箱地址,如 zhangsan@example.cn;留空则不再发送邮件。', form: { email } }, 400);
    }
    await this.inbox.setAddress(claims, email === '' ? null : email);
    response.redirect(303, '/inbox?saved');
  }

  private signedIn(request: Request, response: Response): TokenClaims | null {
    const claims = claimsOf(request);
    if (!claims) {
      response.redirect(303, `/login?next=${encodeURIComponent(request.originalUrl)}`);
      return null;
    }
    return claims;
  }

  private async render(request: Request, response: Response, claims: TokenClaims, extra: Record<string, unknown>, status = 200): Promise<void> {
    const inbox = await this.inbox.inbox(claims);
    const email = await this.inbox.address(claims);
    const title = inbox.unread > 0 ? `消息(${inbox.unread} 条未读)` : '消息';
    response
      .status(status)
      .type('html')
      .send(
        this.views.render('inbox', chromeOf(request, response, title), {
          ...extra,
          unread: inbox.unread,
          total: inbox.total,
          items: inbox.items.map((item) => ({ ...item, time: beijingTime(item.occurredAt) })),
          email: (extra.form as { email?: string } | undefined)?.email ?? email ?? '',
          mailIsOn: this.delivery.mailIsOn,
        }),
      );
  }
}
