import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { reviewStageOf } from '@app/domain/programmes';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import type { Repository } from 'typeorm';
import type { Dossier } from '@app/domain/dossier';
import type { Selection } from '@app/domain/selection';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { ExpertReadModel } from '@app/read-models';
import { Public } from '../auth/access.decorators';
import { Organisation } from '../auth/organisation.entity';
import { evidenceLinks } from './objection-evidence-view';
import { StreamDirectory } from '../workflow/stream-directory';
import { EVENT_NAMES, eventSummary } from './audit-summary';
import { signedInAs } from './portal-access';
import { chromeOf, csrfIsValid, CSRF_FIELD } from './portal-session';
import { requestContextOf } from '../auth/request-context';
import { ValidReviewsCommand } from '../dossiers/valid-reviews/valid-reviews.command';
import { PHASE_NAMES, STATUS_NAMES, problemInChinese } from './portal-zh';
import { PortalViews } from './portal-views';
import { fileSize } from './zh-format';
import { drawRecordRows } from './draw-record-view';
import { scoreInvalidationConfirmation } from './score-invalidation-confirmation';
import { shownReviewersOf } from './stage-reviewers';

/** Facts of the dossier's own record that make its formal-review history (申报与形式审查经过). */
const HISTORY = new Set([
  'DossierDrafted',
  'DossierSubmitted',
  'DossierWithdrawn',
  'FormalReviewPassed',
  'DossierReturnedForCorrection',
  'DossierRejected',
  'AttachmentAdded',
  'AttachmentRemoved',
  'DossierEdited',
]);

/** Phases after expert review: only then does the administrator read the experts' scores and comments. */
const REVIEW_CLOSED = new Set(['review-closed', 'notice', 'awards-decided', 'published']);

const OBJECTION_STATUS = { open: '待处理', upheld: '成立', dismissed: '不成立' } as const;
const AWARD_DECISION = { paid: '全额奖补', 'top-up': '补差奖补', 'not-paid': '不予奖补' } as const;

/**
 * 申报材料详情 for the administrator: the organisation and its contact, every field, the attachments
 * with size and SHA-256, the formal-review history, the experts (their scores and comments once review
 * has closed), objections and the award. Linked from every desk list that names a dossier.
 */
@ApiExcludeController()
@Controller('admin/dossiers')
export class AdminDossierPageController {
  constructor(
    private readonly views: PortalViews,
    private readonly directory: StreamDirectory,
    private readonly expertRows: ExpertReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly commands: CommandBus,
  ) {}

  @Get(':dossierId')
  @Public()
  async page(@Param('dossierId') dossierId: string, @Query('marked') marked: string | undefined, @Query('invalidated') invalidated: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    await this.render(dossierId, request, response, { marked: marked !== undefined, invalidatedDone: invalidated !== undefined });
  }

  /** 无法评审: a dossier below the valid-review minimum leaves the ranking, with the admin's reason. */
  @Post(':dossierId/not-evaluable')
  @Public()
  async markNotEvaluable(@Param('dossierId') dossierId: string, @Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.render(dossierId, request, response, { formError: '页面已过期,请刷新后重新提交。' }, 403);
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    if (!reason || reason.length > 500) return this.render(dossierId, request, response, { reasonError: reason ? '理由不超过 500 字' : '请填写无法评审的理由' }, 400);
    try {
      await this.commands.execute(new ValidReviewsCommand(dossierId, { kind: 'not-evaluable' }, reason, requestContextOf(request)));
    } catch (error) {
      return this.render(dossierId, request, response, { formError: problemInChinese(error) }, 409);
    }
    response.redirect(303, `/admin/dossiers/${encodeURIComponent(dossierId)}?marked=1`);
  }

  /**
   * 认定评分无效 with a reason: first the confirmation page (what stops counting, the count after it,
   * who steps in), then, posted back with confirmed=yes, the command. Points are never shown here.
   */
  @Post(':dossierId/invalidation')
  @Public()
  async invalidateScore(@Param('dossierId') dossierId: string, @Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.render(dossierId, request, response, { formError: '页面已过期,请刷新后重新提交。' }, 403);
    const expertId = typeof body.expertId === 'string' ? body.expertId.trim() : '';
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    if (!reason || reason.length > 500) {
      return this.render(dossierId, request, response, { invalidation: { expertId, error: reason ? '理由不超过 500 字' : '请填写认定评分无效的理由(例如缺少评审意见,或意见与分数矛盾)' } }, 400);
    }
    let dossier: Dossier;
    let selection: Selection;
    try {
      dossier = (await this.directory.dossier(dossierId)).value;
      selection = (await this.directory.selection(dossier.selectionId)).value;
    } catch {
      return this.render(dossierId, request, response, {}, 404);
    }
    const names = new Map((await this.expertRows.all()).map((expert) => [expert.expertId, expert.name]));
    const confirmation = scoreInvalidationConfirmation(selection, dossier, expertId, reason, (id) => names.get(id) ?? id);
    const back = `/admin/dossiers/${encodeURIComponent(dossierId)}`;
    const confirm = (status: number, problem?: string): void => {
      response.status(status).type('html').send(
        this.views.render('confirm', chromeOf(request, response, confirmation.heading), {
          ...confirmation,
          postTo: `${back}/invalidation`,
          fields: [{ name: 'expertId', value: expertId }, { name: 'reason', value: reason }, { name: 'stage', value: String(confirmation.stage) }],
          problem,
          back,
        }),
      );
    };
    if (body.confirmed !== 'yes') return confirm(confirmation.refused ? 409 : 200);
    if (confirmation.refused) return confirm(409, confirmation.refused);
    try {
      // The stage the admin confirmed in: the decider refuses it once another stage runs.
      const stage = Number(body.stage) || confirmation.stage;
      await this.commands.execute(new ValidReviewsCommand(dossierId, { kind: 'invalidate-score', expertId, stage }, reason, requestContextOf(request)));
    } catch (error) {
      return confirm(409, problemInChinese(error));
    }
    response.redirect(303, `${back}?invalidated=1`);
  }

  private async render(dossierId: string, request: Request, response: Response, extra: Record<string, unknown>, status = 200): Promise<void> {
    const chrome = chromeOf(request, response, '申报材料详情');
    let dossier: Dossier;
    let selection: Selection;
    try {
      dossier = (await this.directory.dossier(dossierId)).value;
      selection = (await this.directory.selection(dossier.selectionId)).value;
    } catch (error) {
      response.status(404).type('html').send(this.views.render('message', chrome, { heading: '未找到', text: problemInChinese(error) }));
      return;
    }
    const [organisation, experts, events] = await Promise.all([
      this.organisations.findOne({ where: { creditCode: dossier.applicantCreditCode } }),
      this.expertRows.all(),
      this.store.readStream(`dossier-${dossier.dossierId}`),
    ]);
    const expertOf = new Map(experts.map((expert) => [expert.expertId, expert]));
    const rules = selection.rules;
    const kindName = new Map(rules.attachments.kinds.map((kind) => [kind.code, kind.name]));
    const reviewClosed = REVIEW_CLOSED.has(selection.phase);
    const names = { expert: (id: string) => expertOf.get(id)?.name ?? id, dossier: () => dossier.title };
    const award = dossier.award;
    // The running stage's reviewers and scores (the panel's in a panel stage): what the admin acts on.
    const shown = shownReviewersOf(selection, dossier);
    const actsOnShown = shown.stage === selection.stage;
    const validCount = shown.reviewers.filter((reviewer) => reviewer.score !== undefined).length;
    const criterionName = new Map(reviewStageOf(rules, shown.stage).rubric.map((criterion) => [criterion.code, criterion]));
    response.status(status).type('html').send(
      this.views.render('admin-dossier', { ...chrome, title: `申报材料:${dossier.title}` }, {
        id: dossier.dossierId,
        title: dossier.title,
        selectionId: selection.selectionId,
        selectionTitle: selection.title,
        phase: PHASE_NAMES[selection.phase] ?? selection.phase,
        status: STATUS_NAMES[dossier.status] ?? dossier.status,
        // The applicant's or the reviewer's own words; a not-awarded reason is the ranking's English note.
        closingReason: dossier.status === 'rejected' || dossier.status === 'withdrawn' ? dossier.closingReason : null,
        tier: rules.tiers.find((tier) => tier.code === dossier.tier)?.name ?? dossier.tier,
        projectCode: dossier.projectCode,
        organisation: {
          name: organisation?.name ?? '(未在本系统注册的单位)',
          creditCode: dossier.applicantCreditCode,
          contactName: organisation?.contactName ?? '—',
          contactPhone: organisation?.contactPhone ?? '—',
        },
        money: rules.requiresDeclaredInvestment || dossier.declaredInvestmentFen !== null || rules.award.kind === 'money',
        declaredFen: dossier.declaredInvestmentFen,
        approvedFen: dossier.approvedInvestmentFen,
        correction: dossier.correction,
        fields: rules.fields.map((field) => ({ label: field.name, value: dossier.fields[field.code] ?? '' })),
        attachments: dossier.attachments.map((attachment) => ({
          ...attachment,
          kindName: kindName.get(attachment.kind) ?? attachment.kind,
          sizeText: fileSize(attachment.sizeBytes),
          href: `/api/v1/dossiers/${encodeURIComponent(dossier.dossierId)}/attachments/${encodeURIComponent(attachment.attachmentId)}`,
        })),
        history: events
          .filter((event) => HISTORY.has(event.type))
          .map((event) => ({ at: event.metadata.occurredAt ?? event.recordedAt, what: EVENT_NAMES[event.type] ?? event.type, summary: eventSummary(event.type, event.data, names) })),
        excluded: dossier.excludedExpertIds.map((id) => expertOf.get(id)?.name ?? '(已不在专家库)'),
        reviewClosed,
        draw: drawRecordRows([dossier], names.expert, () => '')[0] ?? null,
        reviewStageName: shown.stage > 1 ? shown.stageName : null,
        experts: shown.reviewers.map((reviewer) => {
          const expert = expertOf.get(reviewer.expertId);
          const score = reviewer.score;
          const invalidation = (extra.invalidation ?? null) as { expertId: string; error: string } | null;
          return {
            expertId: reviewer.expertId,
            // During review the admin sees who scored and the comment (the grounds for 无效), never the points.
            canInvalidate: selection.phase === 'expert-review' && dossier.status === 'passed' && actsOnShown && score !== undefined,
            invalidationError: invalidation?.expertId === reviewer.expertId ? invalidation.error : null,
            name: expert?.name ?? reviewer.expertId,
            organisation: expert?.organisationName ?? '',
            recused: reviewer.recused,
            recusalReason: reviewer.recusalReason,
            scored: score !== undefined,
            total: score?.total.toFixed(2),
            comment: score?.comment,
            points: score ? Object.entries(score.points).map(([code, points]) => ({ name: criterionName.get(code)?.name ?? code, points, max: criterionName.get(code)?.maxPoints })) : [],
          };
        }),
        validReviews: {
          count: validCount,
          minimum: shown.minimum,
          notEvaluable: dossier.notEvaluable ?? null,
          invalidated: (dossier.invalidatedScores ?? []).map((score) => ({ ...score, name: expertOf.get(score.expertId)?.name ?? score.expertId })),
          // Only while review runs, only below the minimum: a dossier with enough valid reviews is ranked.
          canMark: selection.phase === 'expert-review' && dossier.status === 'passed' && actsOnShown && !dossier.notEvaluable && validCount < shown.minimum,
        },
        ...extra,
        objections: dossier.objections.map((objection) => ({ ...objection, evidence: evidenceLinks(dossier.selectionId, objection), statusName: OBJECTION_STATUS[objection.status] })),
        award: award
          ? {
              tier: rules.tiers.find((tier) => tier.code === award.tier)?.name ?? award.tier,
              rank: award.rank,
              money: award.record.kind === 'money',
              ...(award.record.kind === 'money'
                ? { standardFen: award.record.standardFen, paidFen: award.record.paidFen, decision: AWARD_DECISION[award.record.decision] }
                : {}),
            }
          : null,
        deskHref: `/admin/selections/${encodeURIComponent(selection.selectionId)}`,
        streamHref: `/admin/streams/${encodeURIComponent(`dossier-${dossier.dossierId}`)}`,
      }),
    );
  }
}
