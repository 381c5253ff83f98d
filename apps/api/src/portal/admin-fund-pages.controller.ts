import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { shanghaiDate } from '@app/domain/calendar';
import { FUND_MEASURE_NAMES, FUND_MEASURE_ORDER } from '@app/domain/funds';
import type { FundMeasureCode } from '@app/domain/funds';
import { CLOCK } from '@app/platform';
import type { Clock } from '@app/platform';
import { Public } from '../auth/access.decorators';
import { requestContextOf } from '../auth/request-context';
import { FundPreviews } from '../funds/shared/fund-previews';
import { FundReads } from '../funds/shared/fund-reads';
import { NationalGrantCommands } from '../funds/shared/national-grant-commands';
import { VoucherCommands } from '../funds/shared/voucher-commands';
import { budgetChartSvg } from './fund-budget-chart';
import { FundCallReads } from './fund-call-reads';
import { carriedFields, describeGrantEvents, describeVoucherEvents, fundActionOf } from './fund-decisions';
import { applicationRow, CLAIM_STATUS_NAMES, documentHref, documentKindName, lineRow, statusOfProblem, summaryRow } from './fund-portal';
import { signedInAs } from './portal-access';
import { chromeOf, csrfIsValid, CSRF_FIELD } from './portal-session';
import { PortalViews } from './portal-views';
import { problemInChinese } from './portal-zh';
import { chineseDate, wanOfFen, yuanOfFen } from './zh-format';

const yearOf = (value: unknown, fallback: number) => (typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : fallback);

/**
 * 管理员: the fund ledger per year, measure and organisation with a chart of budget use, the downloads
 * (资金安排表, Excel), and every money decision — each through a confirmation page showing what the
 * deciders would record, then the same command path as the API.
 */
@ApiExcludeController()
@Controller('admin/funds')
export class AdminFundPagesController {
  constructor(
    private readonly views: PortalViews,
    private readonly reads: FundReads,
    private readonly calls: FundCallReads,
    private readonly previews: FundPreviews,
    private readonly vouchers: VoucherCommands,
    private readonly grants: NationalGrantCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Public()
  async ledger(@Query('year') yearText: string | undefined, @Query('measure') measureText: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    await this.render(request, response, yearOf(yearText, this.thisYear()), measureText, {});
  }

  @Get('organisations/:creditCode')
  @Public()
  async organisation(@Param('creditCode') creditCode: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    const code = creditCode.toUpperCase();
    const [ledger, applications, names] = await Promise.all([this.reads.organisation(code), this.reads.applications(code), this.reads.names()]);
    const name = names.get(code) ?? code;
    response.type('html').send(
      this.views.render('admin-fund-organisation', chromeOf(request, response, `${name}的资金台账`), {
        name,
        creditCode: code,
        summary: ledger.summary.map((row) => ({ year: row.year, ...summaryRow(row) })),
        lines: ledger.lines.map((line) => lineRow(line)),
        applications: applications.map(applicationRow),
        exportHref: `/api/v1/funds/ledger?creditCode=${code}&format=xlsx`,
      }),
    );
  }

  @Post('actions/:action')
  @Public()
  async act(@Param('action') action: string, @Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    const year = yearOf(body.year, this.thisYear());
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.render(request, response, year, undefined, { formError: '页面已过期,请刷新后重新提交。' }, 403);
    const context = requestContextOf(request);
    const decision = fundActionOf(action, body, context.metadata);
    if (typeof decision === 'string') return this.render(request, response, year, undefined, { formError: decision }, 400);
    const back = `/admin/funds?year=${year}`;
    if (body.confirmed !== 'yes') {
      let preview: { lines: string[]; table?: unknown };
      let refused: string | undefined;
      try {
        preview =
          decision.kind === 'voucher'
            ? await this.previews.voucherCall(decision.year, decision.build).then(({ state, events }) => describeVoucherEvents(state, events))
            : await this.previews.nationalGrant(decision.applicationId, context.metadata, decision.build).then(({ state, events }) => describeGrantEvents(state, events));
      } catch (error) {
        preview = { lines: [] };
        refused = problemInChinese(error);
      }
      response.status(200).type('html').send(
        this.views.render('confirm', chromeOf(request, response, decision.heading), {
          heading: decision.heading,
          lines: refused ? ['此操作不能执行。'] : preview.lines,
          table: preview.table,
          warnings: [],
          refused,
          button: decision.button,
          postTo: `/admin/funds/actions/${encodeURIComponent(action)}`,
          fields: carriedFields(body),
          back,
        }),
      );
      return;
    }
    try {
      if (decision.kind === 'voucher') await this.vouchers.run(decision.build({ status: 'none' }).type, decision.year, context, decision.build);
      else await this.grants.run(decision.build({ status: 'none' }, []).type, decision.applicationId, context, decision.build);
    } catch (error) {
      return this.render(request, response, year, undefined, { formError: problemInChinese(error) }, statusOfProblem(error));
    }
    response.redirect(303, `${back}&done=1`);
  }

  private thisYear(): number {
    return Number(shanghaiDate(this.clock.now()).slice(0, 4));
  }

  private async render(request: Request, response: Response, year: number, measureText: string | undefined, extra: Record<string, unknown>, status = 200): Promise<void> {
    const measure = (FUND_MEASURE_ORDER as readonly string[]).includes(measureText ?? '') ? (measureText as FundMeasureCode) : undefined;
    const [summary, organisations, lines, applications, call, years, names] = await Promise.all([
      this.reads.summary(year),
      this.reads.organisations(year),
      this.reads.lines({ year, measure }),
      this.reads.applications(),
      this.calls.call(year),
      this.reads.years(),
      this.reads.names(),
    ]);
    const claims = call.status === 'open' ? Object.values(call.claims).sort((a, b) => (a.completedAt < b.completedAt ? -1 : 1)) : [];
    response
      .status(status)
      .type('html')
      .send(
        this.views.render('admin-funds', chromeOf(request, response, `${year}年资金台账`), {
          year,
          done: request.query.done === '1',
          years: [...new Set([this.thisYear(), ...years])].sort((a, b) => b - a).map((y) => ({ year: y, current: y === year })),
          measures: FUND_MEASURE_ORDER.map((code) => ({ code, name: FUND_MEASURE_NAMES[code], current: code === measure })),
          measureName: measure ? FUND_MEASURE_NAMES[measure] : null,
          summary: summary.map(summaryRow),
          chart: budgetChartSvg(
            summary.map((row) => ({ label: FUND_MEASURE_NAMES[row.measure], budgetFen: row.budgetFen, committedFen: row.committedFen, paidFen: row.paidFen })),
            `${year}年各支持措施预算使用情况`,
          ),
          hasSummary: summary.length > 0,
          organisations: organisations.map((o) => ({ ...o, name: o.name ?? o.creditCode, committed: wanOfFen(o.committedFen), issued: wanOfFen(o.issuedFen), paid: wanOfFen(o.paidFen), href: `/admin/funds/organisations/${o.creditCode}` })),
          lines: lines.map((line) => lineRow(line, names)),
          downloads: {
            txt: `/api/v1/funds/plan?year=${year}&format=txt`,
            html: `/api/v1/funds/plan?year=${year}&format=html`,
            docx: `/api/v1/funds/plan?year=${year}&format=docx`,
            xlsx: `/api/v1/funds/ledger?year=${year}${measure ? `&measure=${measure}` : ''}&format=xlsx`,
            csv: `/api/v1/funds/ledger?year=${year}${measure ? `&measure=${measure}` : ''}&format=csv`,
          },
          call:
            call.status === 'open'
              ? {
                  title: call.call.title,
                  budget: wanOfFen(call.call.budgetFen),
                  committed: wanOfFen(call.call.committedFen),
                  left: wanOfFen(call.call.budgetFen - call.call.committedFen),
                  window: `${chineseDate(call.call.claimsOpenOn)}至${chineseDate(call.call.claimsCloseOn)}`,
                  redeemableUntil: chineseDate(call.call.redeemableUntil),
                  rule: call.call.allocationRule === 'first-come' ? '按完整提交申报的先后顺序' : '超出预算时同比例',
                  canAllocate: claims.some((claim) => claim.status === 'approved'),
                }
              : null,
          claims: claims.map((claim) => ({
            ...claim,
            statusName: CLAIM_STATUS_NAMES[claim.status] ?? claim.status,
            submitted: claim.status === 'submitted',
            allocated: claim.status === 'allocated',
            declared: yuanOfFen(claim.declaredSpendFen),
            declaredYuan: (claim.declaredSpendFen / 100).toFixed(2),
            standard: claim.standardFen === null ? '—' : wanOfFen(claim.standardFen),
            granted: claim.grantedFen === null ? '—' : wanOfFen(claim.grantedFen),
            issued: wanOfFen(claim.issuedFen),
            redeemed: wanOfFen(claim.redeemedFen),
            unissued: wanOfFen((claim.grantedFen ?? 0) - claim.issuedFen),
            remaining: wanOfFen(claim.issuedFen - claim.redeemedFen),
            invoices: claim.invoices.map((invoice) => `${invoice.invoiceNo}(${invoice.provider},${yuanOfFen(invoice.amountFen)},${chineseDate(invoice.periodFrom)}至${chineseDate(invoice.periodTo)})`),
            files: claim.attachments.map((attachment) => ({ kindName: documentKindName(attachment.kind), name: attachment.name, href: documentHref(claim.creditCode, attachment.documentId) })),
          })),
          applications: applications.map(applicationRow),
          ...extra,
        }),
      );
  }
}
