import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { requestContextOf } from '../auth/request-context';
import { NoticeReads } from '../notice/shared/notice-reads';
import { DeactivateExpertCommand } from '../reviews/experts/deactivate-expert/deactivate-expert.command';
import { DeactivateExpertRequest } from '../reviews/experts/deactivate-expert/deactivate-expert.request.dto';
import { DeclareConflictCommand } from '../reviews/experts/declare-conflict/declare-conflict.command';
import { DeclareConflictRequest } from '../reviews/experts/declare-conflict/declare-conflict.request.dto';
import { RegisterExpertCommand } from '../reviews/experts/register-expert/register-expert.command';
import { RegisterExpertRequest } from '../reviews/experts/register-expert/register-expert.request.dto';
import { ExpertReadModel } from '@app/read-models';
import { signedInAs } from './portal-access';
import { chromeOf, csrfIsValid, CSRF_FIELD } from './portal-session';
import { PortalViews } from './portal-views';
import { fieldErrorsInChinese, problemInChinese } from './portal-zh';

const REGISTER_LABELS = { name: '姓名', organisationName: '工作单位', organisationCreditCode: '工作单位统一社会信用代码', fields: '专业领域', username: '登录用户名', password: '初始密码' };
const CONFLICT_LABELS = { expertId: '专家', creditCode: '回避单位统一社会信用代码', reason: '回避理由' };
const DEACTIVATE_LABELS = { expertId: '专家', reason: '停用理由' };
const DONE: Record<string, string> = {
  registered: '专家已登记,登录账户已创建。',
  conflict: '利益冲突已记录;该专家正在评审的该单位项目已自动回避。',
  deactivated: '专家已停用,不再参与新的分配。',
};
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
/** 专业领域 typed as one line: separated by 、 , , ; ; or new lines. */
export const fieldsOf = (value: unknown): string[] => text(value).split(/[、,,;;\n]+/).map((field) => field.trim()).filter((field) => field !== '');

type FormName = 'register' | 'conflict' | 'deactivate';

/** 管理员: the expert pool — who reviews, in which fields, active or not, and the declared conflicts (回避). */
@ApiExcludeController()
@Controller('admin/experts')
export class AdminExpertsPagesController {
  constructor(
    private readonly views: PortalViews,
    private readonly expertRows: ExpertReadModel,
    private readonly notice: NoticeReads,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @Public()
  async pool(@Query('done') done: string | undefined, @Query('username') username: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    const message = done ? DONE[done] : undefined;
    await this.render(request, response, { done: message && done === 'registered' && username ? `${message}登录用户名:${username}` : message });
  }

  @Post()
  @Public()
  async register(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.render(request, response, { form: 'register', values: body, formError: '页面已过期,请刷新后重新提交。' }, 403);
    const candidate = plainToInstance(RegisterExpertRequest, {
      name: text(body.name),
      organisationName: text(body.organisationName),
      organisationCreditCode: text(body.organisationCreditCode).toUpperCase(),
      fields: fieldsOf(body.fields),
      username: text(body.username),
      password: typeof body.password === 'string' ? body.password : '',
    });
    const problems = await validate(candidate);
    if (problems.length > 0) return this.render(request, response, { form: 'register', values: body, errors: fieldErrorsInChinese(problems, REGISTER_LABELS) }, 400);
    try {
      await this.commands.execute(new RegisterExpertCommand(candidate, requestContextOf(request)));
    } catch (error) {
      return this.render(request, response, { form: 'register', values: body, formError: problemInChinese(error) }, 409);
    }
    response.redirect(303, `/admin/experts?done=registered&username=${encodeURIComponent(candidate.username)}`);
  }

  @Post('conflicts')
  @Public()
  async declareConflict(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.render(request, response, { form: 'conflict', values: body, formError: '页面已过期,请刷新后重新提交。' }, 403);
    const expertId = text(body.expertId);
    const candidate = plainToInstance(DeclareConflictRequest, { creditCode: text(body.creditCode).toUpperCase(), reason: text(body.reason) });
    const errors = fieldErrorsInChinese(await validate(candidate), CONFLICT_LABELS);
    if (!expertId) errors.expertId = '请选择专家';
    if (Object.keys(errors).length > 0) return this.render(request, response, { form: 'conflict', values: body, errors }, 400);
    try {
      await this.commands.execute(new DeclareConflictCommand(expertId, candidate, requestContextOf(request)));
    } catch (error) {
      return this.render(request, response, { form: 'conflict', values: body, formError: problemInChinese(error) }, 409);
    }
    response.redirect(303, '/admin/experts?done=conflict');
  }

  @Post('deactivations')
  @Public()
  async deactivate(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.render(request, response, { form: 'deactivate', values: body, formError: '页面已过期,请刷新后重新提交。' }, 403);
    const expertId = text(body.expertId);
    const candidate = plainToInstance(DeactivateExpertRequest, { reason: text(body.reason) });
    const errors = fieldErrorsInChinese(await validate(candidate), DEACTIVATE_LABELS);
    if (!expertId) errors.expertId = '请选择专家';
    if (Object.keys(errors).length > 0) return this.render(request, response, { form: 'deactivate', values: body, errors }, 400);
    try {
      await this.commands.execute(new DeactivateExpertCommand(expertId, candidate.reason, requestContextOf(request)));
    } catch (error) {
      return this.render(request, response, { form: 'deactivate', values: body, formError: problemInChinese(error) }, 409);
    }
    response.redirect(303, '/admin/experts?done=deactivated');
  }

  /** The list and the three forms; `form` names the one that was posted, whose values and errors come back. */
  private async render(request: Request, response: Response, extra: { form?: FormName; values?: Record<string, unknown>; errors?: Record<string, string>; formError?: string; done?: string }, status = 200): Promise<void> {
    const experts = await this.expertRows.all();
    const organisations = await this.notice.organisationNames(experts.flatMap((expert) => expert.conflicts.map((conflict) => conflict.creditCode)));
    const posted = (name: FormName): { values: Record<string, unknown>; errors: Record<string, string>; formError?: string } =>
      extra.form === name ? { values: extra.values ?? {}, errors: extra.errors ?? {}, formError: extra.formError } : { values: {}, errors: {} };
    const chosen = (name: FormName) => text(posted(name).values.expertId);
    const rows = experts
      .slice()
      .sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name, 'zh-CN') : a.status === 'active' ? -1 : 1))
      .map((expert) => ({
        expertId: expert.expertId,
        name: expert.name,
        organisationName: expert.organisationName,
        fields: expert.fields.join('、'),
        active: expert.status === 'active',
        conflicts: expert.conflicts.map((conflict) => ({ ...conflict, organisation: organisations.get(conflict.creditCode) ?? null })),
        streamHref: `/admin/streams/${encodeURIComponent(`expert-${expert.expertId}`)}`,
      }));
    const active = rows.filter((row) => row.active);
    response
      .status(status)
      .type('html')
      .send(
        this.views.render('admin-experts', chromeOf(request, response, '专家库'), {
          experts: rows,
          activeCount: active.length,
          done: extra.done,
          register: posted('register'),
          conflict: { ...posted('conflict'), choices: active.map((row) => ({ ...row, selected: row.expertId === chosen('conflict') })) },
          deactivate: { ...posted('deactivate'), choices: active.map((row) => ({ ...row, selected: row.expertId === chosen('deactivate') })) },
        }),
      );
  }
}
