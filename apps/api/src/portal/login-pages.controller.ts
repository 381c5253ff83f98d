import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { AccountsService } from '../auth/accounts.service';
import { clientAddress } from '../auth/login/login.controller';
import { TooManyAttemptsError } from '../auth/sign-in-throttle';
import { chromeOf, claimsOf, clearSession, csrfIsValid, CSRF_FIELD, setSession } from './portal-session';
import { PortalViews } from './portal-views';

/** Where each role lands after signing in. */
export const HOME_OF_ROLE: Record<string, string> = { applicant: '/applicant/dossiers', expert: '/expert/tasks', admin: '/admin' };

/** Only a path on this site: never another origin (`//host`, `/\\host`) after signing in. */
export function safeNext(next: unknown): string | undefined {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : undefined;
}

/** Sign in and out: the JWT the API hands out, kept in an httpOnly SameSite cookie. */
@ApiExcludeController()
@Controller()
export class LoginPagesController {
  constructor(
    private readonly views: PortalViews,
    private readonly accounts: AccountsService,
  ) {}

  @Get('login')
  @Public()
  page(@Query('next') next: string | undefined, @Req() request: Request, @Res() response: Response): void {
    response.type('html').send(this.views.render('login', chromeOf(request, response, '登录'), { signedIn: claimsOf(request), next: safeNext(next) }));
  }

  @Post('login')
  @Public()
  async login(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const username = typeof body.username === 'string' ? body.username.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNext(body.next);
    const render = (status: number, data: Record<string, unknown>) =>
      response.status(status).type('html').send(this.views.render('login', chromeOf(request, response, '登录'), { username, next, ...data }));
    if (!csrfIsValid(request, body[CSRF_FIELD])) return void render(403, { formError: '页面已过期,请刷新后重新登录。' });
    const errors: Record<string, string> = {};
    if (!username) errors.username = '请填写用户名';
    if (!password) errors.password = '请填写密码';
    if (Object.keys(errors).length > 0) return void render(400, { errors });
    try {
      const { accessToken, account } = await this.accounts.login(username, password, clientAddress(request));
      setSession(request, response, accessToken);
      response.redirect(303, next ?? HOME_OF_ROLE[account.role] ?? '/');
    } catch (error) {
      if (error instanceof TooManyAttemptsError) {
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
        return void render(429, { formError: `登录失败次数过多,已暂时锁定。请 ${Math.ceil(error.retryAfterSeconds / 60)} 分钟后再试,或请管理员解除锁定。` });
      }
      render(401, { formError: '用户名或密码错误,或账户已停用。' });
    }
  }

  @Post('logout')
  @Public()
  logout(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): void {
    if (csrfIsValid(request, body[CSRF_FIELD])) clearSession(response);
    response.redirect(303, '/');
  }
}
