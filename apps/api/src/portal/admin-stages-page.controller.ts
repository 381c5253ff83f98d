import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { stageReviewOf } from '@app/domain/dossier';
import type { Dossier } from '@app/domain/dossier';
import { finalRankingOf, reviewStagesOf } from '@app/domain/programmes';
import { stageBoardsOf } from '@app/domain/selection';
import type { Selection } from '@app/domain/selection';
import { ExpertReadModel } from '@app/read-models';
import { Public } from '../auth/access.decorators';
import { requestContextOf } from '../auth/request-context';
import { DefenceCommand } from '../dossiers/defence/defence.command';
import { CloseReviewStageCommand } from '../reviews/stages/close-stage.command';
import { FormPanelCommand } from '../reviews/stages/form-panel.command';
import { StreamDirectory } from '../workflow/stream-directory';
import { signedInAs } from './portal-access';
import { chromeOf, csrfIsValid, CSRF_FIELD } from './portal-session';
import { problemInChinese } from './portal-zh';
import { PortalViews } from './portal-views';

const DONE: Record<string, string> = {
  'close-stage': '本阶段评审已结束,晋级项目已进入下一阶段。',
  panel: '会议评审专家组已组建,并已按项目核对回避。',
  defence: '答辩安排已保存,已通知申报单位。',
  attendance: '答辩出席情况已记录。',
};
const KIND_NAMES: Record<string, string> = { online: '通讯评审', panel: '会议评审', 'site-visit-or-defence': '现场考察/答辩' };
const STATUS_NAMES: Record<string, string> = { 'not-started': '未开始', 'in-progress': '进行中', closed: '已结束' };
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const listOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(text) : typeof value === 'string' ? [value] : []).filter((item) => item !== '');

/**
 * 评审阶段: each stage's scoreboard and the combined one, and the steps of a panel stage — close the
 * stage before it, form the panel, schedule each defence and record attendance — through the same
 * commands as the API (close-stage, panel, defence).
 */
@ApiExcludeController()
@Controller('admin/selections/:selectionId/stages')
export class AdminStagesPageController {
  constructor(
    private readonly views: PortalViews,
    private readonly commands: CommandBus,
    private readonly directory: StreamDirectory,
    private readonly experts: ExpertReadModel,
  ) {}

  @Get()
  @Public()
  async page(@Param('selectionId') selectionId: string, @Query('done') done: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    await this.render(selectionId, request, response, { done: done ? DONE[done] : undefined });
  }

  @Post()
  @Public()
  async act(@Param('selectionId') selectionId: string, @Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'admin')) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.render(selectionId, request, response, { formError: '页面已过期,请刷新后重新提交。' }, 403);
    const context = requestContextOf(request);
    const action = text(body.action);
    try {
      if (action === 'close-stage') await this.commands.execute(new CloseReviewStageCommand(selectionId, context));
      else if (action === 'panel') await this.commands.execute(new FormPanelCommand(selectionId, { name: text(body.name), expertIds: listOf(body.expertIds) }, context));
      else if (action === 'defence') {
        const slot = { date: text(body.date), startTime: text(body.startTime), place: text(body.place) || null, link: text(body.link) || null, order: Number(text(body.order)) };
        await this.commands.execute(new DefenceCommand(text(body.dossierId), { kind: 'schedule', slot }, context));
      } else if (action === 'attendance') {
        await this.commands.execute(new DefenceCommand(text(body.dossierId), { kind: 'attendance', attendance: { attended: text(body.attended) === 'yes', note: text(body.note) || null } }, context));
      } else return this.render(selectionId, request, response, { formError: '未知的操作。请从本页的按钮提交。' }, 400);
    } catch (error) {
      const status = (error as { kind?: string }).kind === 'invalid' ? 400 : 409;
      return this.render(selectionId, request, response, { formError: problemInChinese(error) }, status);
    }
    response.redirect(303, `/admin/selections/${encodeURIComponent(selectionId)}/stages?done=${action}`);
  }

  private async render(selectionId: string, request: Request, response: Response, extra: Record<string, unknown>, status = 200): Promise<void> {
    let selection: Selection;
    try {
      selection = (await this.directory.selection(selectionId)).value;
    } catch (error) {
      response.status(404).type('html').send(this.views.render('message', chromeOf(request, response, '未找到评选'), { heading: '未找到', text: problemInChinese(error) }));
      return;
    }
    const dossiers = await this.directory.dossiersById(selection.passedDossierIds);
    const names = await this.experts.names();
    const titleOf = new Map(dossiers.map((dossier) => [dossier.dossierId, dossier.title]));
    const rules = reviewStagesOf(selection.rules);
    const { stages, combined } = stageBoardsOf(selection, dossiers);
    const current = rules[selection.stage - 1];
    const inReview = selection.phase === 'expert-review';
    const panel = selection.panels.find((candidate) => candidate.stage === selection.stage) ?? null;
    const final = finalRankingOf(selection.rules);
    const inStage = dossiers.filter((dossier) => selection.reviewDossierIds.includes(dossier.dossierId));
    response
      .status(status)
      .type('html')
      .send(
        this.views.render('admin-stages', chromeOf(request, response, `评审阶段 · ${selection.title}`), {
          id: selection.selectionId,
          title: selection.title,
          done: extra.done,
          formError: extra.formError,
          finalRanking: final.kind === 'weighted' ? rules.map((rule) => `${rule.name} ${final.percentByStage[rule.code] ?? 0}%`).join(' + ') : `按${rules[rules.length - 1].name}得分排名`,
          stages: stages.map((board) => ({
            ...board,
            kindName: KIND_NAMES[board.kind],
            statusName: STATUS_NAMES[board.status],
            rows: board.rows.map((row) => ({
              title: titleOf.get(row.dossierId) ?? row.dossierId,
              href: `/admin/dossiers/${encodeURIComponent(row.dossierId)}`,
              count: row.count,
              aggregate: row.aggregate?.aggregate ?? '—',
              forwarded: row.forwarded === null ? '—' : row.forwarded ? '晋级' : '未晋级',
              defence: row.defence === null ? '—' : row.defence === 'attended' ? '出席' : '未出席',
            })),
          })),
          combined: combined.map((row, index) => ({
            place: index + 1,
            title: titleOf.get(row.dossierId) ?? row.dossierId,
            byStage: rules.map((rule) => row.byStage[rule.code] ?? '—'),
            final: row.final ?? '—',
          })),
          stageNames: rules.map((rule) => rule.name),
          canCloseStage: inReview && selection.stage < rules.length,
          nextStageName: rules[selection.stage]?.name,
          currentName: current.name,
          canFormPanel: inReview && current.kind !== 'online' && panel === null,
          panel: panel && { name: panel.name, members: panel.expertIds.map((id) => names.get(id) ?? id).join('、') },
          pool: (await this.experts.all()).filter((expert) => expert.status === 'active').map((expert) => ({ id: expert.expertId, name: expert.name })),
          defences: inReview && current.defence && panel ? inStage.map((dossier, index) => this.defenceRow(dossier, selection.stage, index)) : [],
        }),
      );
  }

  private defenceRow(dossier: Dossier, stage: number, index: number) {
    const review = stageReviewOf(dossier, stage);
    return {
      dossierId: dossier.dossierId,
      title: dossier.title,
      slot: review?.defence ?? { date: '', startTime: '', place: '', link: '', order: index + 1 },
      attendance: review?.attendance === null || review?.attendance === undefined ? null : review.attendance === 'attended' ? '出席' : '未出席',
    };
  }
}
