import { Body, ConflictException, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { DomainRefusal } from '@app/domain/shared/refusal';
import { Public } from '../auth/access.decorators';
import { clientAddress } from '../auth/login/login.controller';
import { OrganisationRegistration } from '../auth/register-organisation/organisation-registration';
import { RegisterOrganisationRequest } from '../auth/register-organisation/register-organisation.request.dto';
import { creditCodeHint } from './credit-code-hint';
import { chromeOf, csrfIsValid, CSRF_FIELD } from './portal-session';
import { fieldErrorsInChinese, refusalInChinese } from './portal-zh';
import { PortalViews } from './portal-views';

const LABELS = { creditCode: '统一社会信用代码', name: '单位名称', contactName: '联系人', contactPhone: '联系电话', username: '用户名', password: '密码' };
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** 单位注册: an applicant organisation registers itself and its first user, as POST /api/v1/organisations does. */
@ApiExcludeController()
@Controller('register')
export class RegisterPageController {
  constructor(
    private readonly views: PortalViews,
    private readonly registration: OrganisationRegistration,
  ) {}

  @Get()
  @Public()
  form(@Req() request: Request, @Res() response: Response): void {
    this.render(request, response, {});
  }

  /** The check the page runs as the code is typed: the domain's own rule, in Chinese. */
  @Get('credit-code')
  @Public()
  check(@Query('code') code: string | undefined): { valid: boolean; message: string } {
    return creditCodeHint(typeof code === 'string' ? code.slice(0, 40) : '');
  }

  @Post()
  @Public()
  async register(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const form = { creditCode: text(body.creditCode), name: text(body.name), contactName: text(body.contactName), contactPhone: text(body.contactPhone), username: text(body.username) };
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.render(request, response, { form, formError: '页面已过期,请刷新后重新提交。' }, 403);
    const candidate = plainToInstance(RegisterOrganisationRequest, { ...form, password: typeof body.password === 'string' ? body.password : '' });
    const errors = fieldErrorsInChinese(await validate(candidate), LABELS);
    const hint = creditCodeHint(form.creditCode);
    if (!hint.valid) errors.creditCode = hint.message;
    if (Object.keys(errors).length > 0) return this.render(request, response, { form, errors }, 400);
    try {
      await this.registration.register(candidate, clientAddress(request));
    } catch (error) {
      if (error instanceof DomainRefusal) return this.render(request, response, { form, formError: refusalInChinese(error) }, 400);
      if (error instanceof ConflictException) {
        const taken = /username/.test(error.message);
        return this.render(request, response, { form, errors: taken ? { username: '该用户名已被使用,请换一个。' } : { creditCode: '该单位已经注册。请让本单位已有账户的同事告知登录信息,或直接登录。' } }, 409);
      }
      throw error;
    }
    response.status(200).type('html').send(
      this.views.render('message', chromeOf(request, response, '注册成功'), { heading: '注册成功', text: `${candidate.name}已注册,登录用户名为 ${candidate.username}。请登录后在线申报。` }),
    );
  }

  private render(request: Request, response: Response, extra: Record<string, unknown>, status = 200): void {
    response.status(status).type('html').send(this.views.render('register', chromeOf(request, response, '单位注册'), { form: {}, errors: {}, ...extra }));
  }
}
