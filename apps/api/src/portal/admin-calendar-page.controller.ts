import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { requestContextOf } from '../auth/request-context';
import { LoadCalendarYearCommand } from '../notice/calendar-years/load-calendar-year.command';
import { LoadCalendarYearRequest } from '../notice/calendar-years/load-calendar-year.request.dto';
import { NoticeReads } from '../notice/shared/notice-reads';
import { parseDateList } from './holiday-notice-form';
import { signedInAs } from './portal-access';
import { chromeOf, csrfIsValid, CSRF_FIELD } from './portal-session';
import { fieldErrorsInChinese, problemInChinese } from './portal-zh';
import { PortalViews } from './portal-views';

const LABELS = { year: '年度', holidays: '放假日期', makeUpWorkdays: '调休上班日期', source: '通知名称' };
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * 工作日历: the years the working-day calendar knows, and a form to load a later year's holiday
 * notice (放假日期 and 调休上班) through the same LoadCalendarYear command as POST /api/v1/calendar-years,
 * so a notice may run into that year.
 */
@ApiExcludeController()
@Controller('admin/calendar')
export class AdminCalendarPageController {
  constructor(
    private readonly views: PortalViews,
    private readonly reads: NoticeReads,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @Public()
  async page(@Query('loaded') loaded: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    await this.render(request, response, { loaded: /^\d{4}$/.test(loaded ?? '') ? loaded : undefined });
  }

  @Post()
  @Public()
  async load(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.render(request, response, { form: body, formError: '页面已过期,请刷新后重新提交。' }, 403);
    const holidays = parseDateList(text(body.holidays));
    const makeUp = parseDateList(text(body.makeUpWorkdays));
    const errors: Record<string, string> = {};
    if (holidays.problems.length) errors.holidays = `以下内容不是有效日期或日期段:${holidays.problems.join('、')}`;
    if (makeUp.problems.length) errors.makeUpWorkdays = `以下内容不是有效日期或日期段:${makeUp.problems.join('、')}`;
    const candidate = plainToInstance(LoadCalendarYearRequest, { year: Number(text(body.year)), holidays: holidays.dates, makeUpWorkdays: makeUp.dates, source: text(body.source) });
    Object.assign(errors, fieldErrorsInChinese(await validate(candidate), LABELS), errors);
    if (Object.keys(errors).length > 0) return this.render(request, response, { form: body, errors }, 400);
    try {
      await this.commands.execute(new LoadCalendarYearCommand(candidate, requestContextOf(request)));
    } catch (error) {
      return this.render(request, response, { form: body, formError: problemInChinese(error) }, 409);
    }
    response.redirect(303, `/admin/calendar?loaded=${candidate.year}`);
  }

  private async render(request: Request, response: Response, extra: Record<string, unknown>, status = 200): Promise<void> {
    const years = (await this.reads.calendarYears()).sort((a, b) => a.year.year - b.year.year);
    const latest = years[years.length - 1]?.year.year ?? new Date().getFullYear();
    response
      .status(status)
      .type('html')
      .send(
        this.views.render('admin-calendar', chromeOf(request, response, '工作日历'), {
          years: years.map(({ year, origin }) => ({
            year: year.year,
            source: year.source,
            origin: origin === 'seed' ? '随系统提供' : '管理员载入',
            holidays: year.holidays.length,
            makeUp: year.makeUpWorkdays.length,
          })),
          next: latest + 1,
          form: extra.form ?? { year: String(latest + 1) },
          errors: extra.errors ?? {},
          ...extra,
        }),
      );
  }
}
