import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import type { Selection } from '@app/domain/selection';
import { Public } from '../auth/access.decorators';
import { requestContextOf } from '../auth/request-context';
import { ProgrammeCatalogue } from '../catalogue/programme-catalogue';
import { FormalReviewCommand } from '../dossiers/formal-review/formal-review.command';
import { FormalReviewRequest } from '../dossiers/formal-review/formal-review.request.dto';
import { DecideAwardsCommand } from '../notice/decide-awards/decide-awards.command';
import { PublishAwardsCommand } from '../notice/publish-awards/publish-awards.command';
import { ResolveObjectionCommand } from '../notice/resolve-objection/resolve-objection.command';
import { ResolveObjectionRequest } from '../notice/resolve-objection/resolve-objection.request.dto';
import { StartNoticeCommand } from '../notice/start-notice/start-notice.command';
import { PlanAssignmentsCommand } from '../reviews/assignments/plan-assignments/plan-assignments.command';
import { CloseReviewCommand } from '../reviews/close-review/close-review.command';
import { ReviewReads } from '../reviews/review-reads';
import { AdvanceSelectionCommand } from '../selections/advance-selection/advance-selection.command';
import { OpenSelectionCommand } from '../selections/open-selection/open-selection.command';
import { OpenSelectionRequest } from '../selections/open-selection/open-selection.request.dto';
import { StreamDirectory } from '../workflow/stream-directory';
import { signedInAs } from './portal-access';
import { chromeOf, csrfIsValid, CSRF_FIELD } from './portal-session';
import { PHASE_NAMES, STATUS_NAMES, fieldErrorsInChinese, problemInChinese } from './portal-zh';
import { PortalViews } from './portal-views';
import { scoreStripSvg } from './score-strip';

const DONE: Record<string, string> = {
  opened: '评选已开放申报。',
  'close-submissions': '申报已截止,进入形式审查。',
  review: '形式审查结论已记录。',
  'close-formal-review': '形式审查已结束。',
  assign: '专家已分配,专家评审开始。',
  'close-review': '专家评审已结束,入围名单已生成。',
  notice: '公示已开始。',
  resolve: '异议处理结果已记录。',
  decide: '奖补已确定。',
  publish: '名单已公布。',
};
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const yuanToFen = (value: unknown) => (text(value) === '' ? undefined : Math.round(Number(text(value)) * 100));

/** 管理员: open a call, and one desk per selection whose actions follow its phase. */
@ApiExcludeController()
@Controller('admin')
export class AdminPagesController {
  constructor(
    private readonly views: PortalViews,
    private readonly directory: StreamDirectory,
    private readonly reads: ReviewReads,
    private readonly catalogue: ProgrammeCatalogue,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @Public()
  async home(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    await this.renderHome(request, response, {});
  }

  @Post('selections')
  @Public()
  async open(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.renderHome(request, response, { form: body, formError: '页面已过期,请刷新后重新提交。' }, 403);
    const candidate = plainToInstance(OpenSelectionRequest, { programme: text(body.programme), year: Number(text(body.year)), submissionDeadlineDate: text(body.submissionDeadlineDate) });
    const problems = await validate(candidate);
    if (problems.length > 0) {
      return this.renderHome(request, response, { form: body, errors: fieldErrorsInChinese(problems, { programme: '评选类别', year: '年度', submissionDeadlineDate: '申报截止日期' }) }, 400);
    }
    try {
      const result = await this.commands.execute(new OpenSelectionCommand(candidate, requestContextOf(request)));
      response.redirect(303, `/admin/selections/${encodeURIComponent(result.value as string)}?done=opened`);
    } catch (error) {
      await this.renderHome(request, response, { form: body, formError: problemInChinese(error) }, 409);
    }
  }

  @Get('selections/:selectionId')
  @Public()
  async desk(@Param('selectionId') selectionId: string, @Query('done') done: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    await this.renderDesk(selectionId, request, response, { done: done ? DONE[done] : undefined });
  }

  @Post('selections/:selectionId')
  @Public()
  async act(@Param('selectionId') selectionId: string, @Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.renderDesk(selectionId, request, response, { formError: '页面已过期,请刷新后重新提交。' }, 403);
    const context = requestContextOf(request);
    const action = text(body.action);
    try {
      const problem = await this.perform(selectionId, action, body, context);
      if (problem) return this.renderDesk(selectionId, request, response, { formError: problem }, 400);
    } catch (error) {
      return this.renderDesk(selectionId, request, response, { formError: problemInChinese(error) }, 409);
    }
    response.redirect(303, `/admin/selections/${encodeURIComponent(selectionId)}?done=${encodeURIComponent(action)}`);
  }

  /** Sends the command behind one button; returns a Chinese problem for a form filled wrongly. */
  private async perform(selectionId: string, action: string, body: Record<string, unknown>, context: ReturnType<typeof requestContextOf>): Promise<string | null> {
    switch (action) {
      case 'close-submissions':
      case 'close-formal-review':
        await this.commands.execute(new AdvanceSelectionCommand(selectionId, action, context));
        return null;
      case 'review': {
        const request = plainToInstance(FormalReviewRequest, {
          decision: text(body.decision),
          ...(yuanToFen(body.approvedInvestmentYuan) !== undefined ? { approvedInvestmentFen: yuanToFen(body.approvedInvestmentYuan) } : {}),
          ...(text(body.reason) ? { reason: text(body.reason) } : {}),
          ...(text(body.correctionDeadlineDate) ? { correctionDeadlineDate: text(body.correctionDeadlineDate) } : {}),
        });
        const problems = await validate(request);
        if (problems.length > 0) return Object.values(fieldErrorsInChinese(problems, { decision: '审查结论', approvedInvestmentFen: '核定投资额', reason: '理由', correctionDeadlineDate: '补正截止日期' })).join(';');
        await this.commands.execute(new FormalReviewCommand(text(body.dossierId), request, context));
        return null;
      }
      case 'assign':
        await this.commands.execute(new PlanAssignmentsCommand(selectionId, 'plan', undefined, context));
        return null;
      case 'close-review':
        await this.commands.execute(new CloseReviewCommand(selectionId, context));
        return null;
      case 'notice':
        await this.commands.execute(new StartNoticeCommand(selectionId, text(body.startsOn) || undefined, context));
        return null;
      case 'resolve': {
        const request = plainToInstance(ResolveObjectionRequest, { outcome: text(body.outcome), finding: text(body.finding) });
        const problems = await validate(request);
        if (problems.length > 0) return Object.values(fieldErrorsInChinese(problems, { outcome: '处理结论', finding: '核查情况' })).join(';');
        await this.commands.execute(new ResolveObjectionCommand(text(body.objectionId), request, context));
        return null;
      }
      case 'decide':
        await this.commands.execute(new DecideAwardsCommand(selectionId, context));
        return null;
      case 'publish':
        await this.commands.execute(new PublishAwardsCommand(selectionId, context));
        return null;
      default:
        return '未知的操作。';
    }
  }

  private async renderHome(request: Request, response: Response, extra: Record<string, unknown>, status = 200): Promise<void> {
    const selections = (await this.directory.selections()).sort((a, b) => b.year - a.year || a.selectionId.localeCompare(b.selectionId));
    const form = (extra.form ?? {}) as Record<string, unknown>;
    response
      .status(status)
      .type('html')
      .send(
        this.views.render('admin-home', chromeOf(request, response, '评选管理'), {
          selections: selections.map((selection) => ({ id: selection.selectionId, title: selection.title, phase: PHASE_NAMES[selection.phase] ?? selection.phase })),
          programmes: this.catalogue.all().map((programme) => ({ code: programme.code, name: programme.name, selected: programme.code === form.programme })),
          form,
          errors: extra.errors ?? {},
          ...extra,
        }),
      );
  }

  private async renderDesk(selectionId: string, request: Request, response: Response, extra: Record<string, unknown>, status = 200): Promise<void> {
    const chrome = chromeOf(request, response, '评选管理');
    let selection: Selection;
    try {
      selection = (await this.directory.selection(selectionId)).value;
    } catch (error) {
      response.status(404).type('html').send(this.views.render('message', chrome, { heading: '未找到', text: problemInChinese(error) }));
      return;
    }
    const dossiers = await this.directory.dossiers({ selectionId });
    const names = new Map((await this.reads.experts()).map((expert) => [expert.expertId, expert.name]));
    const phase = selection.phase;
    const queue = dossiers
      .filter((dossier) => dossier.status === 'submitted')
      .map((dossier) => ({ id: dossier.dossierId, title: dossier.title, declaredYuan: dossier.declaredInvestmentFen === null ? null : dossier.declaredInvestmentFen / 100 }));
    const progress = dossiers
      .filter((dossier) => dossier.assignments.length > 0)
      .map((dossier) => {
        const assigned = dossier.assignments.filter((a) => a.status === 'assigned');
        const late = assigned.filter((a) => !dossier.scores.some((score) => score.expertId === a.expertId)).map((a) => names.get(a.expertId) ?? a.expertId);
        return { title: dossier.title, scored: assigned.length - late.length, total: assigned.length, late: late.join('、') };
      });
    const titleOf = new Map(dossiers.map((dossier) => [dossier.dossierId, dossier]));
    const scoreboard = selection.aggregates.map((aggregate) => {
      const dossier = titleOf.get(aggregate.dossierId);
      const totals = (dossier?.scores ?? []).map((score) => score.total);
      return {
        title: dossier?.title ?? aggregate.dossierId,
        ...aggregate,
        chart: scoreStripSvg(totals, aggregate.aggregate, aggregate.median, aggregate.disagreement, `${dossier?.title ?? ''} 的专家评分分布`),
      };
    });
    const listed = new Set(selection.shortlist?.tiers.flatMap((tier) => tier.selected.map((entry) => entry.dossierId)) ?? []);
    const objections = dossiers.flatMap((dossier) =>
      dossier.objections.map((objection) => ({ ...objection, dossierTitle: dossier.title, open: objection.status === 'open', statusName: { open: '待处理', upheld: '成立', dismissed: '不成立' }[objection.status] })),
    );
    response
      .status(status)
      .type('html')
      .send(
        this.views.render('admin-selection', { ...chrome, title: selection.title }, {
          id: selection.selectionId,
          title: selection.title,
          phaseName: PHASE_NAMES[phase] ?? phase,
          deadline: selection.submissionDeadlineDate,
          notice: selection.notice,
          money: selection.rules.requiresDeclaredInvestment,
          isOpen: phase === 'open',
          isFormalReview: phase === 'formal-review',
          isFormalReviewClosed: phase === 'formal-review-closed',
          isExpertReview: phase === 'expert-review',
          isReviewClosed: phase === 'review-closed',
          isNotice: phase === 'notice',
          isDecided: phase === 'awards-decided',
          isPublished: phase === 'published',
          dossiers: dossiers.map((dossier) => ({ title: dossier.title, status: STATUS_NAMES[dossier.status] ?? dossier.status, listed: listed.has(dossier.dossierId) })),
          queue,
          progress,
          scoreboard,
          objections,
          ...extra,
        }),
      );
  }
}
