import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { InjectRepository } from '@nestjs/typeorm';
import { In } from 'typeorm';
import type { Repository } from 'typeorm';
import { selectionDecider, selectionStreamOf, upcastSelectionEvent } from '@app/domain/selection';
import { DomainRefusal } from '@app/domain/shared/refusal';
import type { Selection, SelectionEvent } from '@app/domain/selection';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { shanghaiDate } from '@app/domain/calendar';
import { CLOCK } from '@app/platform';
import type { Clock } from '@app/platform';
import { DossierReadModel, ExpertReadModel, SelectionReadModel } from '@app/read-models';
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
import { lateExpertsOf, reviewBoardOf } from '../reviews/assignments/read-assignments/review-board';
import { CloseReviewCommand } from '../reviews/close-review/close-review.command';
import { AdvanceSelectionCommand } from '../selections/advance-selection/advance-selection.command';
import { OpenSelectionCommand } from '../selections/open-selection/open-selection.command';
import { OpenSelectionRequest } from '../selections/open-selection/open-selection.request.dto';
import { signedInAs } from './portal-access';
import { chromeOf, csrfIsValid, CSRF_FIELD } from './portal-session';
import { PHASE_NAMES, STATUS_NAMES, fieldErrorsInChinese, problemInChinese } from './portal-zh';
import { PortalViews } from './portal-views';
import { OVERRIDE_LABELS, overridesFromForm, programmeRuleForm } from './open-call-form';
import { rankedScoreboard } from './ranked-scoreboard';
import { conflictExpertOf } from '@app/domain/expert';
import { confirmationOf } from './admin-confirmations';
import { declarationDefaults, declarationFromForm } from './declaration-form';
import { stageFormOf, stagesFromForm } from './stages-form';
import { drawRecordRows } from './draw-record-view';
import { assignChoiceOf, FORM_DRAW_RESERVES, freshDrawSeed } from './draw-form';
import type { DeskFacts } from './admin-confirmations';
import { NoticeReads } from '../notice/shared/notice-reads';
import { Organisation } from '../auth/organisation.entity';
import { evidenceLinks } from './objection-evidence-view';
import { holdCreditCodes, identityDeclarationsOf, identityHoldOf, IDENTITY_HOLD_TEXT, isIdentityField } from './identity-hold';

const DONE: Record<string, string> = {
  opened: '评选已开放申报。',
  'close-submissions': '申报已截止,进入形式审查。',
  review: '形式审查结论已记录。',
  'close-formal-review': '形式审查已结束。',
  assign: '专家已分配,专家评审开始。',
  replacements: '补充分配已完成,见下方“分配轮次”。',
  'close-review': '专家评审已结束,入围名单已生成。',
  notice: '公示已开始。',
  resolve: '异议处理结果已记录。',
  decide: '奖补已确定。',
  publish: '名单已公布。',
};
const dossierHref = (dossierId: string) => `/admin/dossiers/${encodeURIComponent(dossierId)}`;
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const yuanToFen = (value: unknown) => (text(value) === '' ? undefined : Math.round(Number(text(value)) * 100));

/** 管理员: open a call, and one desk per selection whose actions follow its phase. */
@ApiExcludeController()
@Controller('admin')
export class AdminPagesController {
  constructor(
    private readonly views: PortalViews,
    private readonly catalogue: ProgrammeCatalogue,
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly selectionRows: SelectionReadModel,
    private readonly dossierRows: DossierReadModel,
    private readonly expertRows: ExpertReadModel,
    private readonly noticeReads: NoticeReads,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
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
    const programme = this.catalogue.all().find((rules) => rules.code === text(body.programme));
    const rulesFromForm = programme ? overridesFromForm(programme, body) : { overrides: {}, errors: {} };
    const declared = declarationFromForm(body);
    const staged = programme ? stagesFromForm(programme, body) : { errors: {} };
    const fromForm = {
      overrides: {
        ...rulesFromForm.overrides,
        ...(declared.declaration ? { declaration: declared.declaration } : {}),
        ...(staged.stages ? { stages: staged.stages, finalRanking: staged.finalRanking } : {}),
      },
      errors: { ...rulesFromForm.errors, ...declared.errors, ...staged.errors },
    };
    const candidate = plainToInstance(OpenSelectionRequest, {
      programme: text(body.programme),
      year: Number(text(body.year)),
      submissionDeadlineDate: text(body.submissionDeadlineDate),
      ...(Object.keys(fromForm.overrides).length > 0 ? { overrides: fromForm.overrides } : {}),
    });
    const errors = { ...fieldErrorsInChinese(await validate(candidate), { programme: '评选类别', year: '年度', submissionDeadlineDate: '申报截止日期', ...OVERRIDE_LABELS }), ...fromForm.errors };
    if (Object.keys(errors).length > 0) {
      const general = ['quotas', 'award', 'overrides'].filter((key) => errors[key]).map((key) => errors[key]);
      return this.renderHome(request, response, { form: body, errors, ...(general.length ? { formError: general.join(';') } : {}) }, 400);
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
    // Every step on the desk is irreversible: it is shown first (what, how many, what is missing, the
    // amounts) and done only when the confirmation page posts it back with confirmed=yes.
    let confirmation;
    try {
      confirmation = confirmationOf(action, body, await this.deskFacts(selectionId, action, body, context));
    } catch (error) {
      return this.renderDesk(selectionId, request, response, { formError: problemInChinese(error) }, 409);
    }
    if (confirmation) {
      const again = (status: number, problem?: string) => this.renderConfirm(selectionId, confirmation, body, request, response, status, problem);
      if (text(body.confirmed) !== 'yes') return again(confirmation.refused ? 409 : 200);
      if (confirmation.refused) return again(409, confirmation.refused);
      if (confirmation.acknowledge && text(body.acknowledged) !== 'yes') return again(400, '请勾选确认后再继续。');
    }
    try {
      const problem = await this.perform(selectionId, action, body, context);
      if (problem) return this.renderDesk(selectionId, request, response, { formError: problem }, 400);
    } catch (error) {
      const held = confirmation && action === 'decide' ? await this.identityHold(error) : null;
      if (confirmation && held) {
        const unanswered = identityDeclarationsOf(body).unanswered > 0;
        return this.renderConfirm(selectionId, { ...confirmation, identity: held }, body, request, response, unanswered ? 400 : 409, unanswered ? '请为每一对项目选择“同一项目”或“不同项目”后再确定奖补。' : IDENTITY_HOLD_TEXT);
      }
      return this.renderDesk(selectionId, request, response, { formError: problemInChinese(error) }, 409);
    }
    response.redirect(303, `/admin/selections/${encodeURIComponent(selectionId)}?done=${encodeURIComponent(action)}`);
  }

  private async deskFacts(selectionId: string, action: string, body: Record<string, unknown>, context: ReturnType<typeof requestContextOf>): Promise<DeskFacts> {
    const selection = (await this.selectionRows.require(selectionId)).selection;
    const [dossiers, experts] = await Promise.all([this.dossierRows.all({ selectionId }), this.expertRows.all()]);
    const names = new Map(experts.map((expert) => [expert.expertId, expert.name]));
    let noticePreview: DeskFacts['noticePreview'];
    if (action === 'notice') {
      // A dry run of the selection's own decision: the window it would record now, or why not.
      try {
        const calendarYears = (await this.noticeReads.calendarYears()).map(({ year }) => year);
        const startsOn = text(body.startsOn);
        const [event] = selectionDecider.decide({ type: 'StartPublicNotice', data: { calendarYears, ...(startsOn ? { startsOn } : {}) }, metadata: context.metadata }, selection);
        if (event?.type === 'PublicNoticeStarted') noticePreview = { startsOn: event.data.startsOn, endsOn: event.data.endsOn, workingDays: event.data.workingDays };
      } catch (error) {
        if (!(error instanceof DomainRefusal)) throw error;
        noticePreview = { refused: problemInChinese(error) };
      }
    }
    const pool = action === 'assign' ? experts.map(conflictExpertOf) : undefined;
    return { selection, dossiers, expertName: (id) => names.get(id) ?? id, activeExperts: experts.filter((expert) => expert.status === 'active').length, pool, noticePreview };
  }

  /** A `project-identity-unclear` hold as the pairs the page shows, with the applicants' names. */
  private async identityHold(error: unknown) {
    const codes = holdCreditCodes(error);
    if (codes.length === 0) return null;
    const organisations = await this.organisations.find({ where: { creditCode: In(codes) } });
    return identityHoldOf(error, new Map(organisations.map((organisation) => [organisation.creditCode, organisation.name])));
  }

  private renderConfirm(selectionId: string, confirmation: NonNullable<ReturnType<typeof confirmationOf>>, body: Record<string, unknown>, request: Request, response: Response, status: number, problem?: string): void {
    const fields = Object.entries(body)
      .filter(([name, value]) => typeof value === 'string' && !['_csrf', 'confirmed', 'acknowledged'].includes(name) && !isIdentityField(name))
      .map(([name, value]) => ({ name, value }));
    response
      .status(status)
      .type('html')
      .send(this.views.render('confirm', chromeOf(request, response, confirmation.heading), { ...confirmation, calendarLink: confirmation.refused?.includes('工作日历') ?? false, postTo: `/admin/selections/${encodeURIComponent(selectionId)}`, fields, problem, back: `/admin/selections/${encodeURIComponent(selectionId)}` }));
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
      case 'assign': {
        const choice = assignChoiceOf(body);
        if (choice.method === 'invalid') return choice.problem;
        const draw = choice.method === 'draw' ? { reservesPerDossier: choice.reservesPerDossier } : undefined;
        const seed = choice.method === 'draw' ? choice.seed : undefined;
        await this.commands.execute(new PlanAssignmentsCommand(selectionId, 'plan', seed, context, text(body.reviewDeadlineDate) || undefined, draw));
        return null;
      }
      case 'replacements':
        await this.commands.execute(new PlanAssignmentsCommand(selectionId, 'replacements', undefined, context));
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
        await this.commands.execute(new DecideAwardsCommand(selectionId, context, identityDeclarationsOf(body).declarations));
        return null;
      case 'publish':
        await this.commands.execute(new PublishAwardsCommand(selectionId, context));
        return null;
      default:
        return '未知的操作。';
    }
  }

  private async renderHome(request: Request, response: Response, extra: Record<string, unknown>, status = 200): Promise<void> {
    const selections = (await this.selectionRows.all()).map((row) => row.selection);
    const form: Record<string, unknown> = { ...declarationDefaults(), ...((extra.form ?? {}) as Record<string, unknown>) };
    const errors = (extra.errors ?? {}) as Record<string, string>;
    const programmes = this.catalogue.all();
    const chosen = typeof form.programme === 'string' && programmes.some((rules) => rules.code === form.programme) ? form.programme : programmes[0]?.code;
    // A stream's category is the part of its id before the first dash: future-scenarios-2025 is in "future".
    const futureScenarios = (await this.store.listStreams('future')).filter((streamId) => streamId.startsWith('future-scenarios-')).sort();
    response
      .status(status)
      .type('html')
      .send(
        this.views.render('admin-home', chromeOf(request, response, '评选管理'), {
          selections: selections.map((selection) => ({ id: selection.selectionId, title: selection.title, phase: PHASE_NAMES[selection.phase] ?? selection.phase })),
          programmes: programmes.map((rules) => ({ code: rules.code, name: rules.name, selected: rules.code === chosen })),
          rules: programmes.map((rules) => programmeRuleForm(rules, rules.code === chosen, form, errors)),
          futureScenarios: futureScenarios.map((streamId) => ({ streamId, href: `/admin/streams/${encodeURIComponent(streamId)}` })),
          form,
          ...extra,
          stageForm: stageFormOf((extra.form ?? {}) as Record<string, unknown>),
          errors,
        }),
      );
  }

  private async renderDesk(selectionId: string, request: Request, response: Response, extra: Record<string, unknown>, status = 200): Promise<void> {
    const chrome = chromeOf(request, response, '评选管理');
    let selection: Selection;
    try {
      selection = (await this.selectionRows.require(selectionId)).selection;
    } catch (error) {
      response.status(404).type('html').send(this.views.render('message', chrome, { heading: '未找到', text: problemInChinese(error) }));
      return;
    }
    const dossiers = await this.dossierRows.all({ selectionId });
    const experts = await this.expertRows.all();
    const names = new Map(experts.map((expert) => [expert.expertId, expert.name]));
    const phase = selection.phase;
    const queue = dossiers
      .filter((dossier) => dossier.status === 'submitted')
      .map((dossier) => ({ id: dossier.dossierId, href: dossierHref(dossier.dossierId), title: dossier.title, declaredFen: dossier.declaredInvestmentFen, declaredYuan: dossier.declaredInvestmentFen === null ? null : dossier.declaredInvestmentFen / 100 }));
    const progress = dossiers
      .filter((dossier) => dossier.assignments.length > 0)
      .map((dossier) => {
        const assigned = dossier.assignments.filter((a) => a.status === 'assigned');
        const late = assigned.filter((a) => !dossier.scores.some((score) => score.expertId === a.expertId)).map((a) => names.get(a.expertId) ?? a.expertId);
        return { href: dossierHref(dossier.dossierId), title: dossier.title, scored: assigned.length - late.length, total: assigned.length, late: late.join('、') };
      });
    const titleOf = new Map(dossiers.map((dossier) => [dossier.dossierId, dossier]));
    const titled = (dossierId: string) => titleOf.get(dossierId)?.title ?? dossierId;
    // Who carries how much, and where places are open after recusals (回避).
    const board = reviewBoardOf(dossiers, experts);
    const lateExperts = phase === 'expert-review' ? lateExpertsOf(board, selection.reviewDeadlineDate ?? null, shanghaiDate(this.clock.now())) : [];
    const recusals = board.dossiers.flatMap((dossier) => dossier.experts.filter((expert) => expert.status === 'recused').map((expert) => ({ ...expert, dossierTitle: dossier.title })));
    const loads = board.experts.map((load) => ({ ...load, recused: recusals.filter((recusal) => recusal.expertId === load.expertId).length }));
    for (const recusal of recusals) {
      if (!loads.some((load) => load.expertId === recusal.expertId)) loads.push({ expertId: recusal.expertId, name: recusal.name, assigned: 0, scored: 0, recused: recusals.filter((r) => r.expertId === recusal.expertId).length });
    }
    loads.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    const openPlaces = board.dossiers
      .filter((dossier) => dossier.assigned < selection.rules.expertsPerDossier)
      .map((dossier) => ({
        href: dossierHref(dossier.dossierId),
        title: dossier.title,
        missing: selection.rules.expertsPerDossier - dossier.assigned,
        recused: dossier.experts.filter((expert) => expert.status === 'recused').map((expert) => `${expert.name}(${expert.recusalReason ?? '回避'})`).join(';'),
      }));
    // The selection's own record: the assignment rounds and any 递补 after an upheld objection.
    const events = (await this.store.readStream(selectionStreamOf(selectionId))).map((event) => ({ type: event.type, data: event.data, at: event.metadata.occurredAt ?? event.recordedAt }) as SelectionEvent & { at: string });
    // A round keeps its counts; who went where is on each dossier's own record (ExpertAssigned).
    const rounds = events.flatMap((stored) => {
      const event = upcastSelectionEvent(stored);
      if (event.type !== 'ExpertReviewStarted' && event.type !== 'ReplacementAssignmentsPlanned') return [];
      const round = event.type === 'ExpertReviewStarted' ? 1 : event.data.round;
      const { assignedCount, assignedPerExpert, unfilledPlaces, unfilledDossierIds } = event.data;
      return [{
        round,
        at: stored.at,
        kind: round === 1 ? '首轮分配' : '补充分配',
        count: assignedCount,
        // Who took the places of a replacement round (which dossier each is on that dossier's page).
        pairs: round === 1 ? '' : Object.entries(assignedPerExpert).map(([expertId, count]) => `${names.get(expertId) ?? expertId} ${count} 项`).join(';'),
        unfilled: unfilledPlaces === 0 ? '' : `${unfilledDossierIds.map(titled).join('、')} 共缺 ${unfilledPlaces} 人`,
      }];
    });
    const promotions = events.flatMap((event) =>
      event.type === 'ShortlistEntryDropped' ? [{ dropped: titled(event.data.dossierId), promoted: event.data.promoted ? titled(event.data.promoted.dossierId) : null, at: event.at }] : [],
    );
    const promotedIds = new Set(events.flatMap((event) => (event.type === 'ShortlistEntryDropped' && event.data.promoted ? [event.data.promoted.dossierId] : [])));
    const droppedIds = new Set(selection.droppedDossierIds);
    const scoreboard = rankedScoreboard(
      selection,
      dossiers.map((dossier) => ({ dossierId: dossier.dossierId, title: dossier.title, tier: dossier.tier, totals: dossier.scores.map((score) => score.total) })),
      dossierHref,
    );
    const scoredAll = progress.reduce((sum, row) => sum + row.scored, 0);
    const dueAll = progress.reduce((sum, row) => sum + row.total, 0);
    const listed = new Set(selection.shortlist?.tiers.flatMap((tier) => tier.selected.map((entry) => entry.dossierId)) ?? []);
    const objections = dossiers.flatMap((dossier) =>
      dossier.objections.map((objection) => ({ ...objection, evidence: evidenceLinks(selectionId, objection), dossierTitle: dossier.title, dossierHref: dossierHref(dossier.dossierId), open: objection.status === 'open', statusName: { open: '待处理', upheld: '成立', dismissed: '不成立' }[objection.status] })),
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
          streamHref: `/admin/streams/${encodeURIComponent(selectionStreamOf(selection.selectionId))}`,
          dossiers: dossiers.map((dossier) => ({
            title: dossier.title,
            href: dossierHref(dossier.dossierId),
            status: STATUS_NAMES[dossier.status] ?? dossier.status,
            listed: listed.has(dossier.dossierId),
            promoted: promotedIds.has(dossier.dossierId) && listed.has(dossier.dossierId),
            dropped: droppedIds.has(dossier.dossierId),
            streamHref: `/admin/streams/${encodeURIComponent(`dossier-${dossier.dossierId}`)}`,
          })),
          loads,
          openPlaces,
          rounds,
          reviewDeadlineDate: selection.reviewDeadlineDate ?? null,
          lateExperts,
          promotions,
          queue,
          progress,
          scoreboard,
          minimumScore: selection.rules.minimumScore,
          reviewProgress: { scored: scoredAll, total: dueAll, percent: dueAll ? Math.round((100 * scoredAll) / dueAll) : 0 },
          objections,
          drawSeed: freshDrawSeed(),
          drawReserves: FORM_DRAW_RESERVES,
          draws: drawRecordRows(dossiers, (id) => names.get(id) ?? id, dossierHref),
          ...extra,
        }),
      );
  }
}
