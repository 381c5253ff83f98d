import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { scoresInStage, scoringStageOf } from '@app/domain/dossier';
import type { Dossier } from '@app/domain/dossier';
import { reviewStageOf } from '@app/domain/programmes';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DossierReadModel, SelectionReadModel } from '@app/read-models';
import { Organisation } from '../auth/organisation.entity';
import { fileSize } from './zh-format';
import { Public } from '../auth/access.decorators';
import { requestContextOf } from '../auth/request-context';
import { ReviewReads } from '../reviews/review-reads';
import { DeclareConflictCommand } from '../reviews/experts/declare-conflict/declare-conflict.command';
import { DeclareConflictRequest } from '../reviews/experts/declare-conflict/declare-conflict.request.dto';
import { RecuseExpertCommand } from '../reviews/scoring/recuse-expert/recuse-expert.command';
import { ScoreDossierCommand } from '../reviews/scoring/score-dossier/score-dossier.command';
import { SignDeclarationCommand } from '../reviews/commitments/sign-declaration.command';
import { declarationOf } from '@app/domain/commitments';
import { StreamDirectory } from '../workflow/stream-directory';
import { signedInAs } from './portal-access';
import { chromeOf, csrfIsValid, CSRF_FIELD } from './portal-session';
import { PHASE_NAMES, problemInChinese } from './portal-zh';
import { PortalViews } from './portal-views';

const isAssignedTo = (dossier: Dossier, expertId: string) =>
  dossier.assignments.some((a) => a.expertId === expertId && a.status === 'assigned') || (dossier.laterStages ?? []).some((review) => review.expertIds.includes(expertId));

/** 评审专家: their tasks with progress, and a scoring page per dossier with a live total. */
@ApiExcludeController()
@Controller('expert')
export class ExpertPagesController {
  constructor(
    private readonly views: PortalViews,
    private readonly reads: ReviewReads,
    private readonly directory: StreamDirectory,
    private readonly commands: CommandBus,
    private readonly selectionRows: SelectionReadModel,
    private readonly dossierRows: DossierReadModel,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
  ) {}

  @Get('tasks')
  @Public()
  async tasks(@Query('recused') recused: string | undefined, @Query('signed') signed: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    const claims = signedInAs(request, response, 'expert');
    if (!claims) return;
    const [online, seated] = claims.expert ? await Promise.all([this.dossierRows.assignedTo(claims.expert), this.dossierRows.seatedBefore(claims.expert)]) : [[], []];
    const mine = [...online, ...seated.filter((dossier) => !online.some((known) => known.dossierId === dossier.dossierId))];
    const selections = new Map((await this.selectionRows.all()).map((row) => [row.selection.selectionId, row.selection]));
    const signatures = new Map(await Promise.all([...new Set(mine.map((dossier) => dossier.selectionId))].map(
      async (selectionId) => [selectionId, claims.expert ? await this.directory.signature(selectionId, claims.expert) : null] as const,
    )));
    const groups = [...selections.values()].flatMap((selection) => {
      const signature = signatures.get(selection.selectionId) ?? null;
      const rows = mine
        .filter((dossier) => dossier.selectionId === selection.selectionId)
        .map((dossier) => {
          const stage = scoringStageOf(dossier, selection.stage, claims.expert ?? '');
          return { id: dossier.dossierId, title: dossier.title, scored: scoresInStage(dossier, stage).some((score) => score.expertId === claims.expert) };
        });
      if (rows.length === 0) return [];
      return [{
        selectionId: selection.selectionId,
        title: selection.title,
        // 保密承诺、回避声明 first: no dossier opens before he signs (sign on first entry).
        mustSign: selection.phase === 'expert-review' && signature === null,
        signedAt: signature?.signedAt ?? null,
        phase: PHASE_NAMES[selection.phase] ?? selection.phase,
        open: selection.phase === 'expert-review',
        reviewDeadlineDate: selection.reviewDeadlineDate ?? null,
        scored: rows.filter((row) => row.scored).length,
        total: rows.length,
        dossiers: rows,
      }];
    });
    response.type('html').send(this.views.render('expert-tasks', chromeOf(request, response, '我的评审任务'), { groups, recused: recused !== undefined, signed: signed !== undefined }));
  }

  /** The selection's 保密承诺、回避声明: read it, tick agreement and sign; then the dossier he came for. */
  @Get('selections/:selectionId/declaration')
  @Public()
  async declaration(@Param('selectionId') selectionId: string, @Query('next') next: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'expert')) return;
    await this.renderDeclaration(selectionId, request, response, { next: typeof next === 'string' ? next : null });
  }

  @Post('selections/:selectionId/declaration')
  @Public()
  async sign(@Param('selectionId') selectionId: string, @Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'expert')) return;
    const next = typeof body.next === 'string' && /^[A-Za-z0-9-]{1,100}$/.test(body.next) ? body.next : null;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.renderDeclaration(selectionId, request, response, { next, formError: '页面已过期,请刷新后重新提交。' }, 403);
    if (body.agree !== 'yes') return this.renderDeclaration(selectionId, request, response, { next, agreeError: '请勾选“本人已阅读上述声明”后再签署' }, 400);
    try {
      await this.commands.execute(new SignDeclarationCommand(selectionId, typeof body.version === 'string' ? body.version : '', requestContextOf(request)));
    } catch (error) {
      return this.renderDeclaration(selectionId, request, response, { next, formError: problemInChinese(error) }, 409);
    }
    response.redirect(303, next ? `/expert/dossiers/${encodeURIComponent(next)}` : '/expert/tasks?signed=1');
  }

  @Get('dossiers/:dossierId')
  @Public()
  async scoring(@Param('dossierId') dossierId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'expert')) return;
    await this.renderScoring(dossierId, request, response, {});
  }

  @Post('dossiers/:dossierId')
  @Public()
  async score(@Param('dossierId') dossierId: string, @Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'expert')) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.renderScoring(dossierId, request, response, { form: body, formError: '页面已过期,请刷新后重新提交。' }, 403);
    const { value: dossier } = await this.directory.dossier(dossierId);
    const { value: selection } = await this.directory.selection(dossier.selectionId);
    const errors: Record<string, string> = {};
    const points: Record<string, number> = {};
    const stage = scoringStageOf(dossier, selection.stage, requestContextOf(request).metadata.actor.expertId ?? '');
    for (const criterion of reviewStageOf(selection.rules, stage).rubric) {
      const raw = typeof body[`points_${criterion.code}`] === 'string' ? (body[`points_${criterion.code}`] as string).trim() : '';
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value)) errors[criterion.code] = `请为“${criterion.name}”打分`;
      else if (value < 0 || value > criterion.maxPoints) errors[criterion.code] = `“${criterion.name}”的分数应在 0 至 ${criterion.maxPoints} 之间`;
      else points[criterion.code] = value;
    }
    const comment = typeof body.comment === 'string' ? body.comment.trim() : '';
    if (!comment) errors.comment = '请填写评审意见';
    else if (comment.length > 2000) errors.comment = '评审意见不超过 2000 字';
    if (Object.keys(errors).length > 0) return this.renderScoring(dossierId, request, response, { form: body, errors }, 400);
    try {
      await this.commands.execute(new ScoreDossierCommand(dossierId, { points, comment }, requestContextOf(request)));
    } catch (error) {
      return this.renderScoring(dossierId, request, response, { form: body, formError: problemInChinese(error) }, 409);
    }
    await this.renderScoring(dossierId, request, response, { saved: true });
  }

  /**
   * 回避: the expert steps back from this dossier only, or declares a conflict with its applicant
   * organisation (recorded on his expert stream: he is recused from every dossier of it he holds, and
   * never assigned one again). Either way the admin's replacement round fills the place.
   */
  @Post('dossiers/:dossierId/recusal')
  @Public()
  async recuse(@Param('dossierId') dossierId: string, @Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'expert')) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.renderScoring(dossierId, request, response, { formError: '页面已过期,请刷新后重新提交。' }, 403);
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    if (!reason || reason.length > 500) return this.renderScoring(dossierId, request, response, { recusalError: reason ? '回避理由不超过 500 字' : '请填写回避理由' }, 400);
    const context = requestContextOf(request);
    // A dossier not assigned to him is answered exactly as one that does not exist (renderScoring: 404),
    // so neither its existence nor its applicant's credit code reaches his conflict record.
    const assigned = await this.directory.dossier(dossierId).then((found) => found.value, () => null);
    if (!assigned || !context.metadata.actor.expertId || !isAssignedTo(assigned, context.metadata.actor.expertId)) {
      return this.renderScoring(dossierId, request, response, {});
    }
    try {
      if (body.scope === 'organisation') {
        const dossier = assigned;
        const conflict = Object.assign(new DeclareConflictRequest(), { creditCode: dossier.applicantCreditCode, reason });
        await this.commands.execute(new DeclareConflictCommand(context.metadata.actor.expertId ?? '', conflict, context));
      } else {
        await this.commands.execute(new RecuseExpertCommand(dossierId, reason, context));
      }
    } catch (error) {
      return this.renderScoring(dossierId, request, response, { formError: problemInChinese(error) }, 409);
    }
    response.redirect(303, '/expert/tasks?recused=1');
  }

  private async renderScoring(dossierId: string, request: Request, response: Response, extra: Record<string, unknown>, status = 200): Promise<void> {
    const chrome = chromeOf(request, response, '评分');
    const expertId = requestContextOf(request).metadata.actor.expertId;
    const dossier = await this.directory.dossier(dossierId).then((found) => found.value, () => null);
    if (!dossier || !expertId || !isAssignedTo(dossier, expertId)) {
      response.status(404).type('html').send(this.views.render('message', chrome, { heading: '未找到', text: '您未被分配评审该项目。' }));
      return;
    }
    if ((await this.directory.signature(dossier.selectionId, expertId)) === null) {
      response.redirect(303, `/expert/selections/${encodeURIComponent(dossier.selectionId)}/declaration?next=${encodeURIComponent(dossierId)}`);
      return;
    }
    const { value: selection } = await this.directory.selection(dossier.selectionId);
    // A panel member scores in the panel stage with its rubric; everyone else the online review's.
    const stage = scoringStageOf(dossier, selection.stage, expertId);
    const mine = scoresInStage(dossier, stage).find((score) => score.expertId === expertId);
    const form = (extra.form ?? {}) as Record<string, unknown>;
    const errors = (extra.errors ?? {}) as Record<string, string>;
    const criteria = reviewStageOf(selection.rules, stage).rubric.map((criterion) => ({
      ...criterion,
      value: form[`points_${criterion.code}`] ?? mine?.points[criterion.code] ?? '',
      error: errors[criterion.code],
    }));
    response
      .status(status)
      .type('html')
      .send(
        this.views.render('expert-scoring', { ...chrome, title: `评分:${dossier.title}` }, {
          id: dossier.dossierId,
          title: dossier.title,
          selection: selection.title,
          open: selection.phase === 'expert-review' && stage === selection.stage,
          fields: selection.rules.fields.map((field) => ({ label: field.name, value: dossier.fields[field.code] ?? '' })),
          // Who applied (the expert may have to recuse from the organisation) and what it invests (scored under 投入与带动).
          organisation: (await this.organisations.findOne({ where: { creditCode: dossier.applicantCreditCode } }))?.name ?? '(未在本系统注册的单位)',
          creditCode: dossier.applicantCreditCode,
          tier: selection.rules.tiers.find((tier) => tier.code === dossier.tier)?.name ?? dossier.tier,
          money: dossier.declaredInvestmentFen !== null || dossier.approvedInvestmentFen !== null,
          declaredFen: dossier.declaredInvestmentFen,
          approvedFen: dossier.approvedInvestmentFen,
          attachments: dossier.attachments.map((attachment) => ({
            ...attachment,
            kindName: selection.rules.attachments.kinds.find((kind) => kind.code === attachment.kind)?.name ?? attachment.kind,
            sizeText: fileSize(attachment.sizeBytes),
          })),
          criteria,
          comment: form.comment ?? mine?.comment ?? '',
          commentError: errors.comment,
          mine,
          ...extra,
        }),
      );
  }

  private async renderDeclaration(selectionId: string, request: Request, response: Response, extra: Record<string, unknown>, status = 200): Promise<void> {
    const chrome = chromeOf(request, response, '保密承诺和回避声明');
    const expertId = requestContextOf(request).metadata.actor.expertId;
    const selection = await this.directory.selection(selectionId).then((found) => found.value, () => null);
    if (!selection || !expertId) {
      response.status(404).type('html').send(this.views.render('message', chrome, { heading: '未找到', text: '没有这个评选。请从“我的评审任务”进入。' }));
      return;
    }
    const text = declarationOf(selection.rules);
    const signed = await this.directory.signature(selectionId, expertId);
    response.status(status).type('html').send(this.views.render('expert-declaration', chrome, {
      selectionId,
      selection: selection.title,
      open: selection.phase === 'expert-review',
      // Once signed he sees what he signed; before, the text in force.
      version: signed?.version ?? text.version,
      paragraphs: signed?.paragraphs ?? text.paragraphs,
      signedAt: signed?.signedAt ?? null,
      signedVersion: signed?.version ?? null,
      ...extra,
    }));
  }
}
