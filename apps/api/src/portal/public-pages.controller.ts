import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UploadedFiles, UseFilters, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { Like, Repository } from 'typeorm';
import { SelectionReadModel } from '@app/read-models';
import { CLOCK } from '@app/platform';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import type { Clock } from '@app/platform';
import { Public } from '../auth/access.decorators';
import { Account } from '../auth/account.entity';
import { requestContextOf } from '../auth/request-context';
import { FileObjectionCommand } from '../notice/file-objection/file-objection.command';
import { FileObjectionRequest } from '../notice/file-objection/file-objection.request.dto';
import { ChainAudit } from '../audit/chain-audit';
import { EVIDENCE_FIELD, EvidenceUploadInterceptor, evidenceUploadOptions } from '../notice/file-objection/evidence-upload';
import type { StoredUpload } from '../dossiers/attachments/hashing-disk-storage';
import { EVIDENCE_LIMITS } from '@app/domain/dossier';
import { DomainRefusal } from '@app/domain/shared/refusal';
import { ObjectionUploadFilter, UPLOAD_PROBLEMS } from './objection-upload.filter';
import { NoticeReads } from '../notice/shared/notice-reads';
import { publishedEntriesOf } from '../notice/shared/published-entry';
import { StreamDirectory } from '../workflow/stream-directory';
import { chromeOf, csrfIsValid, CSRF_FIELD } from './portal-session';
import { PHASE_NAMES, fieldErrorsInChinese, problemInChinese } from './portal-zh';
import { portalViewsDir, PortalViews, roleName } from './portal-views';

const OBJECTION_LABELS = { dossierId: '异议项目', name: '姓名', contact: '联系方式', organisation: '所在单位', reason: '异议理由' };
const ANNEX_FORMATS = [
  { format: 'txt', label: 'TXT 文本' },
  { format: 'html', label: 'HTML 网页' },
  { format: 'docx', label: 'DOCX 文档' },
];

/** The pages anyone may read: the calls, a selection's 公示 with the objection form, the stylesheet. */
@ApiExcludeController()
@Controller()
export class PublicPagesController {
  constructor(
    private readonly views: PortalViews,
    private readonly directory: StreamDirectory,
    private readonly reads: NoticeReads,
    private readonly commands: CommandBus,
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    private readonly selectionRows: SelectionReadModel,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly audit: ChainAudit,
  ) {}

  /** The stylesheet and the page scripts (no inline script: the Content-Security-Policy allows 'self' only). */
  @Get('assets/:file')
  @Public()
  asset(@Param('file') file: string, @Res() response: Response): void {
    const match = /^[a-z][a-z0-9-]*\.(css|js)$/.exec(file);
    const path = match ? join(portalViewsDir(), 'assets', file) : null;
    if (!match || !path || !existsSync(path)) {
      response.status(404).type('text/plain').send('没有这个文件。');
      return;
    }
    response
      .type(match[1] === 'css' ? 'text/css' : 'text/javascript')
      .set('Cache-Control', 'public, max-age=300')
      .send(readFileSync(path, 'utf8'));
  }

  @Get()
  @Public()
  async home(@Req() request: Request, @Res() response: Response): Promise<void> {
    const selections = (await this.selectionRows.all()).map((row) => row.selection);
    const rows = selections.map((selection) => ({
      id: selection.selectionId,
      title: selection.title,
      year: selection.year,
      phase: PHASE_NAMES[selection.phase] ?? selection.phase,
      isOpen: selection.phase === 'open',
      deadline: selection.submissionDeadlineDate,
      hasNotice: selection.notice !== null && selection.shortlist !== null,
      notice: selection.notice,
      annexes: selection.phase === 'published' ? ANNEX_FORMATS.map((annex) => ({ ...annex, href: `/api/v1/selections/${encodeURIComponent(selection.selectionId)}/annex?format=${annex.format}` })) : [],
    }));
    // The box is for the demo's own database (`npm run start:demo`), recognised by the administrator
    // `npm run demo` creates there: demo-admin. Elsewhere an account called demo… is no demo account.
    const demo = await this.accounts.find({ where: { username: Like('demo%'), active: true }, order: { username: 'ASC' } });
    const isDemoDatabase = demo.some((account) => account.username === 'demo-admin' && account.role === 'admin');
    // A few per role is enough to try the portal; the demo may load dozens of organisations.
    const demoAccounts = (isDemoDatabase ? (['admin', 'applicant', 'expert'] as const) : []).flatMap((role) => {
      const ofRole = demo.filter((account) => account.role === role);
      return ofRole.slice(0, 3).map((account, index) => ({
        username: account.username,
        displayName: account.displayName,
        roleName: roleName(role),
        more: index === 2 && ofRole.length > 3 ? ofRole.length - 3 : 0,
      }));
    });
    // 附件3 十大未来场景 of each year that has one published: its downloads.
    const futureScenarios = (await this.store.listStreams('future'))
      .map((streamId) => /^future-scenarios-(\d{4})$/.exec(streamId)?.[1])
      .filter((year): year is string => year !== undefined)
      .sort()
      .map((year) => ({ year, annexes: ANNEX_FORMATS.map((annex) => ({ ...annex, href: `/api/v1/future-scenarios/${year}/annex?format=${annex.format}` })) }));
    response.type('html').send(this.views.render('home', chromeOf(request, response, '湖南省“人工智能+”年度评选'), { selections: rows, demoAccounts, futureScenarios }));
  }

  @Get('selections/:selectionId/notice')
  @Public()
  async notice(@Param('selectionId') selectionId: string, @Query('upload') upload: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.renderNotice(selectionId, request, response, upload && UPLOAD_PROBLEMS[upload] ? { formError: UPLOAD_PROBLEMS[upload] } : {});
  }

  @Post('selections/:selectionId/notice/objections')
  @Public()
  @UseFilters(ObjectionUploadFilter)
  @UseInterceptors(EvidenceUploadInterceptor, FilesInterceptor(EVIDENCE_FIELD, undefined, evidenceUploadOptions))
  async fileObjection(
    @Param('selectionId') selectionId: string,
    @Body() body: Record<string, unknown>,
    @UploadedFiles() evidence: StoredUpload[] | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!csrfIsValid(request, body[CSRF_FIELD])) {
      await this.renderNotice(selectionId, request, response, { formError: '页面已过期,请刷新后重新提交。', form: body }, 403);
      return;
    }
    const candidate = plainToInstance(FileObjectionRequest, {
      dossierId: body.dossierId,
      name: body.name,
      contact: body.contact,
      reason: body.reason,
      ...(typeof body.organisation === 'string' && body.organisation.trim() ? { organisation: body.organisation } : {}),
    });
    const problems = await validate(candidate, { whitelist: true, forbidNonWhitelisted: true });
    if (problems.length > 0) {
      await this.renderNotice(selectionId, request, response, { errors: fieldErrorsInChinese(problems, OBJECTION_LABELS), form: body }, 400);
      return;
    }
    let receipt: string;
    try {
      receipt = (await this.commands.execute(new FileObjectionCommand(selectionId, candidate, requestContextOf(request), evidence ?? []))).value as string;
    } catch (error) {
      // A file refused: said beside the file field (the files must be chosen again); anything else above the form.
      if (error instanceof DomainRefusal && /evidence/.test(error.code)) {
        await this.renderNotice(selectionId, request, response, { errors: { evidence: problemInChinese(error) }, form: body }, 400);
        return;
      }
      await this.renderNotice(selectionId, request, response, { formError: problemInChinese(error), form: body }, 409);
      return;
    }
    // The receipt is the objection's own id: the objector quotes it when asking about the outcome.
    await this.renderNotice(selectionId, request, response, { filed: true, receipt, evidenceCount: evidence?.length ?? 0 });
  }

  private async renderNotice(selectionId: string, request: Request, response: Response, extra: Record<string, unknown>, status = 200): Promise<void> {
    const chrome = chromeOf(request, response, '公示');
    let selection;
    try {
      selection = (await this.directory.selection(selectionId)).value;
    } catch (error) {
      response.status(404).type('html').send(this.views.render('message', chrome, { heading: '未找到', text: problemInChinese(error) }));
      return;
    }
    if (!selection.notice || !selection.shortlist) {
      response.status(404).type('html').send(this.views.render('message', { ...chrome, title: selection.title }, { heading: selection.title, text: '该评选尚未开始公示。' }));
      return;
    }
    const entryOf = await publishedEntriesOf(this.reads, selection);
    const tiers = selection.shortlist.tiers.map((tier) => ({
      name: selection.rules.tiers.find((rule) => rule.code === tier.tier)?.name ?? tier.tier,
      dossiers: tier.selected.map((entry, index) => ({ ...entryOf(entry.dossierId), place: index + 1 })),
    }));
    const listed = tiers.flatMap((tier) => tier.dossiers);
    const form = (extra.form ?? {}) as Record<string, unknown>;
    const now = Date.parse(this.clock.now());
    // The day's published head of the hash chain (none with KurrentDB, which keeps no chain).
    const dailyHead = this.audit.available ? ((await this.audit.published()).daily[0] ?? null) : null;
    response
      .status(status)
      .type('html')
      .send(
        this.views.render('notice', { ...chrome, title: `公示:${selection.title}` }, {
          selectionId,
          title: selection.title,
          phase: PHASE_NAMES[selection.phase] ?? selection.phase,
          window: selection.notice,
          dailyHead,
          contact: selection.rules.noticeContact ?? null,
          // The form is there only while objections are accepted: in the notice phase, inside its window.
          accepting: selection.phase === 'notice' && now >= Date.parse(selection.notice.startsAt) && now <= Date.parse(selection.notice.endsAt),
          notYet: selection.phase === 'notice' && now < Date.parse(selection.notice.startsAt),
          published: selection.phase === 'published',
          money: selection.rules.award.kind === 'money',
          awards: selection.phase === 'published'
            ? selection.awards.map((award) => ({
                ...entryOf(award.dossierId),
                tier: selection.rules.tiers.find((tier) => tier.code === award.tier)?.name ?? award.tier,
                rank: award.rank,
                paidFen: award.award.kind === 'money' ? award.award.paidFen : null,
              }))
            : [],
          annexes: selection.phase === 'published' ? ANNEX_FORMATS.map((annex) => ({ ...annex, href: `/api/v1/selections/${encodeURIComponent(selectionId)}/annex?format=${annex.format}` })) : [],
          tiers,
          choices: listed.map((entry) => ({ ...entry, selected: entry.dossierId === form.dossierId })),
          evidenceLimits: EVIDENCE_LIMITS,
          ...extra,
        }),
      );
  }
}
