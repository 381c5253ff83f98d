import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import type { Repository } from 'typeorm';
import { DomainRefusal } from '@app/domain/shared/refusal';
import { Public } from '../auth/access.decorators';
import { AccountPasswords } from '../auth/account-passwords';
import { Organisation } from '../auth/organisation.entity';
import { chromeOf, claimsOf, csrfIsValid, CSRF_FIELD, setSession } from './portal-session';
import { refusalInChinese } from './portal-zh';
import { PortalViews, roleName } from './portal-views';

const DONE: Record<string, string> = { changed: '密码已修改,本账户在其他设备和浏览器上的登录已全部退出。下次登录请使用新密码。', reset: '已为该账户设置新密码。请通过安全的方式告知本人,并提醒其登录后修改。' };

/** 我的账户: who is signed in and for which organisation, 修改密码, and for administrators 重置密码 (忘记密码). */
@ApiExcludeController()
@Controller('account')
export class AccountPagesController {
  constructor(
    private readonly views: PortalViews,
    private readonly passwords: AccountPasswords,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
  ) {}

  @Get()
  @Public()
  async page(@Query('done') done: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!claimsOf(request)) return response.redirect(303, '/login?next=%2Faccount');
    await this.render(request, response, { done: done ? DONE[done] : undefined });
  }

  @Post('password')
  @Public()
  async change(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const claims = claimsOf(request);
    if (!claims) return response.redirect(303, '/login?next=%2Faccount');
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.render(request, response, { formError: '页面已过期,请刷新后重新提交。' }, 403);
    const next = typeof body.newPassword === 'string' ? body.newPassword : '';
    if (next !== body.repeatPassword) return this.render(request, response, { errors: { repeatPassword: '两次输入的新密码不一致。' } }, 400);
    try {
      const { accessToken } = await this.passwords.change(claims.sub, typeof body.currentPassword === 'string' ? body.currentPassword : '', next);
      setSession(request, response, accessToken);
    } catch (error) {
      if (!(error instanceof DomainRefusal)) throw error;
      const field = error.code === 'wrong-password' ? 'currentPassword' : 'newPassword';
      return this.render(request, response, { errors: { [field]: refusalInChinese(error) } }, 400);
    }
    response.redirect(303, '/account?done=changed');
  }

  @Post('reset')
  @Public()
  async reset(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const claims = claimsOf(request);
    if (!claims) return response.redirect(303, '/login?next=%2Faccount');
    if (claims.role !== 'admin') {
      response.status(403).type('text/plain; charset=utf-8').send('只有管理员可以重置他人的密码。');
      return;
    }
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.render(request, response, { formError: '页面已过期,请刷新后重新提交。' }, 403);
    const username = typeof body.username === 'string' ? body.username.trim() : '';
    try {
      await this.passwords.reset(username, typeof body.resetPassword === 'string' ? body.resetPassword : '');
    } catch (error) {
      if (!(error instanceof DomainRefusal)) throw error;
      return this.render(request, response, { resetForm: { username }, errors: { [error.code === 'account-not-found' ? 'username' : 'resetPassword']: refusalInChinese(error) } }, 400);
    }
    response.redirect(303, '/account?done=reset');
  }

  private async render(request: Request, response: Response, extra: Record<string, unknown>, status = 200): Promise<void> {
    const claims = claimsOf(request)!;
    const account = await this.passwords.describe(claims.sub);
    const organisation = claims.org ? await this.organisations.findOne({ where: { creditCode: claims.org } }) : null;
    response
      .status(status)
      .type('html')
      .send(
        this.views.render('account', chromeOf(request, response, '我的账户'), {
          username: account?.username ?? '',
          displayName: claims.name,
          role: roleName(claims.role),
          organisation: organisation ? { name: organisation.name, creditCode: organisation.creditCode } : null,
          isAdmin: claims.role === 'admin',
          errors: {},
          resetForm: {},
          ...extra,
        }),
      );
  }
}
