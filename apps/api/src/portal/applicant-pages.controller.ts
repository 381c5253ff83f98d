import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import type { Dossier } from '@app/domain/dossier';
import type { Selection } from '@app/domain/selection';
import { DossierReadModel, ExpertReadModel, SelectionReadModel } from '@app/read-models';
import { Public } from '../auth/access.decorators';
import { requestContextOf } from '../auth/request-context';
import { DraftDossierCommand } from '../dossiers/draft-dossier/draft-dossier.command';
import { DraftDossierRequest } from '../dossiers/draft-dossier/draft-dossier.request.dto';
import { EditDossierCommand } from '../dossiers/edit-dossier/edit-dossier.command';
import { EditDossierRequest } from '../dossiers/edit-dossier/edit-dossier.request.dto';
import { requireVisible, statusAsSeenBy } from '../dossiers/shared/dossier-visibility';
import { SubmitDossierCommand } from '../dossiers/submit-dossier/submit-dossier.command';
import { RemoveAttachmentCommand } from '../dossiers/attachments/remove-attachment.command';
import { WithdrawDossierCommand } from '../dossiers/withdraw-dossier/withdraw-dossier.command';
import { StreamDirectory } from '../workflow/stream-directory';
import { signedInAs } from './portal-access';
import { chromeOf, csrfIsValid, CSRF_FIELD } from './portal-session';
import { PHASE_NAMES, STATUS_NAMES, fieldErrorsInChinese, problemInChinese } from './portal-zh';
import { PortalViews } from './portal-views';
import { fileSize } from './zh-format';

const DRAFT_LABELS = { title: '项目名称', projectCode: '项目编号', tier: '申报类别', fields: '申报内容', declaredInvestmentFen: '申报投资额', excludedExpertIds: '申请回避的专家(最多 3 位)' };

/** What a submission would still lack: required fields left empty and required attachment kinds not uploaded. */
export function missingForSubmission(dossier: Dossier, selection: Selection): string[] {
  const fields = selection.rules.fields.filter((field) => field.required && !dossier.fields[field.code]?.trim()).map((field) => `申报内容:${field.name}`);
  const kinds = selection.rules.attachments.kinds
    .filter((kind) => kind.required && !dossier.attachments.some((attachment) => attachment.kind === kind.code))
    .map((kind) => `附件:${kind.name}`);
  return [...fields, ...kinds];
}

/** The draft form's fields as the API's request body; empty inputs are left out. */
function draftOfForm(body: Record<string, unknown>, selection: Selection): Record<string, unknown> {
  const fields = Object.fromEntries(
    selection.rules.fields.map((field) => [field.code, typeof body[`field_${field.code}`] === 'string' ? (body[`field_${field.code}`] as string).trim() : '']).filter(([, text]) => text !== ''),
  );
  const excluded = (Array.isArray(body.excludedExpertIds) ? body.excludedExpertIds : typeof body.excludedExpertIds === 'string' ? [body.excludedExpertIds] : []).filter((id): id is string => typeof id === 'string' && id !== '');
  const yuan = typeof body.declaredInvestmentYuan === 'string' && body.declaredInvestmentYuan.trim() !== '' ? Number(body.declaredInvestmentYuan) : undefined;
  return {
    title: typeof body.title === 'string' ? body.title.trim() : body.title,
    tier: body.tier,
    fields,
    ...(typeof body.projectCode === 'string' && body.projectCode.trim() ? { projectCode: body.projectCode.trim() } : {}),
    ...(yuan !== undefined ? { declaredInvestmentFen: Math.round(yuan * 100) } : {}),
    excludedExpertIds: excluded,
  };
}

const excludedOf = (form: Record<string, unknown>): string[] =>
  Array.isArray(form.excludedExpertIds) ? form.excludedExpertIds.filter((id): id is string => typeof id === 'string') : typeof form.excludedExpertIds === 'string' ? [form.excludedExpertIds] : [];

/** The dossier as the draft form's values, for editing. */
function formOfDossier(dossier: Dossier): Record<string, unknown> {
  return {
    title: dossier.title,
    tier: dossier.tier,
    projectCode: dossier.projectCode ?? '',
    ...(dossier.declaredInvestmentFen !== null ? { declaredInvestmentYuan: String(dossier.declaredInvestmentFen / 100) } : {}),
    ...Object.fromEntries(Object.entries(dossier.fields).map(([code, text]) => [`field_${code}`, text])),
    excludedExpertIds: [...dossier.excludedExpertIds],
  };
}

/** 申报单位: their dossiers, a new draft with the programme's fields, attachments, submission. */
@ApiExcludeController()
@Controller('applicant')
export class ApplicantPagesController {
  constructor(
    private readonly views: PortalViews,
    private readonly directory: StreamDirectory,
    private readonly commands: CommandBus,
    private readonly selectionRows: SelectionReadModel,
    private readonly dossierRows: DossierReadModel,
    private readonly expertRows: ExpertReadModel,
  ) {}

  @Get('dossiers')
  @Public()
  async mine(@Req() request: Request, @Res() response: Response): Promise<void> {
    const claims = signedInAs(request, response, 'applicant');
    if (!claims) return;
    const [dossiers, selections] = await Promise.all([
      claims.org ? this.dossierRows.all({ applicantCreditCode: claims.org }) : Promise.resolve([]),
      this.selectionRows.all().then((rows) => rows.map((row) => row.selection)),
    ]);
    const titleOf = new Map(selections.map((selection) => [selection.selectionId, selection.title]));
    const phaseOf = new Map(selections.map((selection) => [selection.selectionId, selection.phase]));
    const { actor } = requestContextOf(request).metadata;
    const rows = dossiers
      .sort((a, b) => b.selectionId.localeCompare(a.selectionId) || a.dossierId.localeCompare(b.dossierId))
      .map((dossier) => ({ dossier, status: statusAsSeenBy(dossier.status, phaseOf.get(dossier.selectionId) ?? 'open', actor) }))
      .map(({ dossier, status }) => ({ id: dossier.dossierId, title: dossier.title, selection: titleOf.get(dossier.selectionId) ?? dossier.selectionId, status: STATUS_NAMES[status] ?? status, correction: dossier.correction }));
    const open = selections.filter((selection) => selection.phase === 'open').map((selection) => ({ id: selection.selectionId, title: selection.title, deadline: selection.submissionDeadlineDate }));
    response.type('html').send(this.views.render('applicant-dossiers', chromeOf(request, response, '我的申报'), { dossiers: rows, open }));
  }

  @Get('selections/:selectionId/new')
  @Public()
  async draftForm(@Param('selectionId') selectionId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'applicant')) return;
    await this.renderDraft(selectionId, request, response, {});
  }

  @Post('selections/:selectionId/new')
  @Public()
  async draft(@Param('selectionId') selectionId: string, @Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'applicant')) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.renderDraft(selectionId, request, response, { form: body, formError: '页面已过期,请刷新后重新提交。' }, 403);
    const { value: selection } = await this.directory.selection(selectionId);
    const candidate = plainToInstance(DraftDossierRequest, draftOfForm(body, selection));
    const problems = await validate(candidate, { whitelist: true, forbidNonWhitelisted: true });
    if (problems.length > 0) return this.renderDraft(selectionId, request, response, { form: body, errors: fieldErrorsInChinese(problems, DRAFT_LABELS) }, 400);
    try {
      const result = await this.commands.execute(new DraftDossierCommand(selectionId, candidate, requestContextOf(request)));
      response.redirect(303, `/applicant/dossiers/${encodeURIComponent(result.value as string)}`);
    } catch (error) {
      await this.renderDraft(selectionId, request, response, { form: body, formError: problemInChinese(error) }, 409);
    }
  }

  @Get('dossiers/:dossierId')
  @Public()
  async dossier(@Param('dossierId') dossierId: string, @Query('removed') removed: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'applicant')) return;
    await this.renderDossier(dossierId, request, response, { removed: removed === '1' });
  }

  @Get('dossiers/:dossierId/edit')
  @Public()
  async editForm(@Param('dossierId') dossierId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'applicant')) return;
    const dossier = requireVisible((await this.directory.dossier(dossierId)).value, requestContextOf(request).metadata.actor);
    await this.renderDraft(dossier.selectionId, request, response, { form: formOfDossier(dossier), editing: dossier.dossierId });
  }

  @Post('dossiers/:dossierId/edit')
  @Public()
  async edit(@Param('dossierId') dossierId: string, @Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'applicant')) return;
    const dossier = requireVisible((await this.directory.dossier(dossierId)).value, requestContextOf(request).metadata.actor);
    const again = (extra: Record<string, unknown>, status: number) => this.renderDraft(dossier.selectionId, request, response, { form: body, editing: dossierId, ...extra }, status);
    if (!csrfIsValid(request, body[CSRF_FIELD])) return again({ formError: '页面已过期,请刷新后重新提交。' }, 403);
    const { value: selection } = await this.directory.selection(dossier.selectionId);
    const draft = draftOfForm(body, selection);
    // Every field of the form is sent: one emptied on the form is cleared ("" clears it in the API).
    const fields = Object.fromEntries(selection.rules.fields.map((field) => [field.code, typeof body[`field_${field.code}`] === 'string' ? (body[`field_${field.code}`] as string).trim() : '']));
    const candidate = plainToInstance(EditDossierRequest, { ...draft, fields, projectCode: draft.projectCode ?? null });
    const problems = await validate(candidate, { whitelist: true, forbidNonWhitelisted: true });
    if (problems.length > 0) return again({ errors: fieldErrorsInChinese(problems, DRAFT_LABELS) }, 400);
    try {
      await this.commands.execute(new EditDossierCommand(dossierId, candidate, requestContextOf(request)));
    } catch (error) {
      return again({ formError: problemInChinese(error) }, 409);
    }
    await this.renderDossier(dossierId, request, response, { edited: true });
  }

  @Post('dossiers/:dossierId/submit')
  @Public()
  async submit(@Param('dossierId') dossierId: string, @Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'applicant')) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.renderDossier(dossierId, request, response, { formError: '页面已过期,请刷新后重新提交。' }, 403);
    try {
      await this.commands.execute(new SubmitDossierCommand(dossierId, requestContextOf(request)));
    } catch (error) {
      return this.renderDossier(dossierId, request, response, { formError: problemInChinese(error) }, 409);
    }
    await this.renderDossier(dossierId, request, response, { submitted: true });
  }

  @Post('dossiers/:dossierId/withdraw')
  @Public()
  async withdraw(@Param('dossierId') dossierId: string, @Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'applicant')) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.renderDossier(dossierId, request, response, { formError: '页面已过期,请刷新后重新提交。' }, 403);
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    if (!reason) return this.renderDossier(dossierId, request, response, { withdrawError: '请填写撤回理由。' }, 400);
    if (reason.length > 500) return this.renderDossier(dossierId, request, response, { withdrawError: '撤回理由不超过 500 个字符。', withdrawReason: reason }, 400);
    if (body.confirmed !== 'yes') {
      let dossier: Dossier;
      try {
        dossier = requireVisible((await this.directory.dossier(dossierId)).value, requestContextOf(request).metadata.actor);
      } catch (error) {
        response.status(404).type('html').send(this.views.render('message', chromeOf(request, response, '未找到'), { heading: '未找到', text: problemInChinese(error) }));
        return;
      }
      const back = `/applicant/dossiers/${encodeURIComponent(dossierId)}`;
      response.status(200).type('html').send(
        this.views.render('confirm', chromeOf(request, response, '确认撤回申报'), {
          heading: '确认撤回申报',
          lines: [`《${dossier.title}》将被撤回,不再参加本次评选。撤回后不能恢复,如需再次申报须重新填写。`, `撤回理由:${reason}`],
          warnings: [],
          button: '确认撤回',
          postTo: `${back}/withdraw`,
          fields: [{ name: 'reason', value: reason }],
          back,
        }),
      );
      return;
    }
    try {
      await this.commands.execute(new WithdrawDossierCommand(dossierId, reason, requestContextOf(request)));
    } catch (error) {
      return this.renderDossier(dossierId, request, response, { formError: problemInChinese(error) }, 409);
    }
    await this.renderDossier(dossierId, request, response, { withdrawn: true });
  }

  @Post('dossiers/:dossierId/attachments/:attachmentId/remove')
  @Public()
  async removeAttachment(@Param('dossierId') dossierId: string, @Param('attachmentId') attachmentId: string, @Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'applicant')) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.renderDossier(dossierId, request, response, { formError: '页面已过期,请刷新后重新提交。' }, 403);
    try {
      await this.commands.execute(new RemoveAttachmentCommand(dossierId, attachmentId, requestContextOf(request)));
    } catch (error) {
      return this.renderDossier(dossierId, request, response, { formError: problemInChinese(error) }, 409);
    }
    // A redirect, so that the page's upload (which reloads it) does not send the removal again.
    response.redirect(303, `/applicant/dossiers/${encodeURIComponent(dossierId)}?removed=1`);
  }

  private async renderDraft(selectionId: string, request: Request, response: Response, extra: Record<string, unknown>, status = 200): Promise<void> {
    const chrome = chromeOf(request, response, '新建申报');
    const { value: selection } = await this.directory.selection(selectionId);
    const form = (extra.form ?? {}) as Record<string, unknown>;
    const errors = (extra.errors ?? {}) as Record<string, string>;
    response
      .status(status)
      .type('html')
      .send(
        this.views.render('applicant-draft', { ...chrome, title: extra.editing ? '修改申报' : '新建申报' }, {
          selectionId,
          action: extra.editing ? `/applicant/dossiers/${encodeURIComponent(String(extra.editing))}/edit` : `/applicant/selections/${encodeURIComponent(selectionId)}/new`,
          title: selection.title,
          deadline: selection.submissionDeadlineDate,
          phase: PHASE_NAMES[selection.phase] ?? selection.phase,
          tiers: selection.rules.tiers.map((tier) => ({ ...tier, selected: tier.code === form.tier })),
          fields: selection.rules.fields.map((field) => ({
            ...field,
            name: `field_${field.code}`,
            label: field.name,
            value: form[`field_${field.code}`] ?? '',
            long: field.maxLength > 200,
          })),
          investment: selection.rules.requiresDeclaredInvestment,
          // 申请回避: name and organisation only, the id stays in the form's value.
          experts: (await this.expertRows.all())
            .filter((expert) => expert.status === 'active')
            .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
            .map((expert) => ({ expertId: expert.expertId, name: expert.name, organisation: expert.organisationName, checked: excludedOf(form).includes(expert.expertId) })),
          maxExcluded: selection.rules.maxExcludedExperts,
          form,
          errors,
          ...extra,
        }),
      );
  }

  /** The experts the applicant asked to keep away, by name and organisation (as the form showed them). */
  private async excludedNames(expertIds: readonly string[]): Promise<string[]> {
    if (expertIds.length === 0) return [];
    const experts = new Map((await this.expertRows.all()).map((expert) => [expert.expertId, `${expert.name}(${expert.organisationName})`]));
    return expertIds.map((id) => experts.get(id) ?? '(已不在专家库)');
  }

  private async renderDossier(dossierId: string, request: Request, response: Response, extra: Record<string, unknown>, status = 200): Promise<void> {
    const chrome = chromeOf(request, response, '申报详情');
    let dossier: Dossier;
    try {
      dossier = requireVisible((await this.directory.dossier(dossierId)).value, requestContextOf(request).metadata.actor);
    } catch (error) {
      response.status(404).type('html').send(this.views.render('message', chrome, { heading: '未找到', text: problemInChinese(error) }));
      return;
    }
    const { value: selection } = await this.directory.selection(dossier.selectionId);
    const limits = selection.rules.attachments;
    const kindName = new Map(limits.kinds.map((kind) => [kind.code, kind.name]));
    response
      .status(status)
      .type('html')
      .send(
        this.views.render('applicant-dossier', { ...chrome, title: dossier.title }, {
          id: dossier.dossierId,
          title: dossier.title,
          selection: selection.title,
          status: nameOfStatus(statusAsSeenBy(dossier.status, selection.phase, requestContextOf(request).metadata.actor)),
          editable: dossier.status === 'draft' || dossier.status === 'returned',
          withdrawable: ['draft', 'submitted', 'returned', 'passed'].includes(dossier.status) && ['open', 'formal-review', 'formal-review-closed', 'expert-review'].includes(selection.phase),
          correction: dossier.correction,
          fields: selection.rules.fields.map((field) => ({ label: field.name, value: dossier.fields[field.code] ?? '' })),
          declaredFen: dossier.declaredInvestmentFen,
          excluded: await this.excludedNames(dossier.excludedExpertIds),
          attachments: dossier.attachments.map((attachment) => ({ ...attachment, kindName: kindName.get(attachment.kind) ?? attachment.kind, sizeText: fileSize(attachment.sizeBytes) })),
          kinds: limits.kinds.map((kind) => ({ ...kind, requiredMark: kind.required ? '(必传)' : '' })),
          limits: { file: fileSize(limits.maxFileBytes), total: fileSize(limits.maxTotalBytes), count: limits.maxFiles },
          missing: missingForSubmission(dossier, selection),
          ...extra,
        }),
      );
  }
}

function nameOfStatus(status: string): string {
  return STATUS_NAMES[status] ?? status;
}
