import { randomBytes } from 'node:crypto';
import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { shanghaiDate } from '@app/domain/calendar';
import { FUND_DOCUMENT_KIND_TEXT, FUND_DOCUMENT_MAX_BYTES } from '@app/domain/funds';
import type { DeclaredSupport, FundDocumentKind } from '@app/domain/funds';
import { CLOCK } from '@app/platform';
import type { Clock } from '@app/platform';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Public } from '../auth/access.decorators';
import { Organisation } from '../auth/organisation.entity';
import { requestContextOf } from '../auth/request-context';
import { FundDocumentStore } from '../funds/fund-documents/fund-document-store';
import { FundReads } from '../funds/shared/fund-reads';
import { NationalGrantCommands } from '../funds/shared/national-grant-commands';
import { VoucherCommands } from '../funds/shared/voucher-commands';
import { FundCallReads } from './fund-call-reads';
import { applicationRow, CLAIM_STATUS_NAMES, documentHref, documentKindName, lineRow, statusOfProblem, summaryRow } from './fund-portal';
import { signedInAs } from './portal-access';
import { chromeOf, csrfIsValid, CSRF_FIELD } from './portal-session';
import { PortalViews } from './portal-views';
import { problemInChinese } from './portal-zh';
import { chineseDate, fileSize, wanOfFen, yuanOfFen } from './zh-format';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const fenOfYuan = (value: unknown) => Math.round(Number(text(value)) * 100);
const INVOICE_ROWS = [1, 2, 3];
const CLAIM_KINDS: FundDocumentKind[] = ['compute-invoices', 'service-contract', 'integrity-commitment'];

/** 申报单位: 算力券 claims with their invoices, national-level applications, and the organisation's own fund ledger. */
@ApiExcludeController()
@Controller('applicant/funds')
export class ApplicantFundPagesController {
  constructor(
    private readonly views: PortalViews,
    private readonly calls: FundCallReads,
    private readonly reads: FundReads,
    private readonly documents: FundDocumentStore,
    private readonly vouchers: VoucherCommands,
    private readonly grants: NationalGrantCommands,
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
  ) {}

  @Get()
  @Public()
  async page(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!signedInAs(request, response, 'applicant')) return;
    await this.render(request, response, {});
  }

  @Post('claims')
  @Public()
  async claim(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const claims = signedInAs(request, response, 'applicant');
    if (!claims) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.render(request, response, { claimError: '页面已过期,请刷新后重新提交。', claimForm: body }, 403);
    if (!claims.org) return this.render(request, response, { claimError: '该账号未关联申报单位,不能申报算力券。' }, 403);
    const year = this.year();
    const invoices = INVOICE_ROWS.filter((n) => text(body[`invoiceNo_${n}`]) || text(body[`amountYuan_${n}`])).map((n) => ({
      invoiceNo: text(body[`invoiceNo_${n}`]),
      provider: text(body[`provider_${n}`]),
      amountFen: fenOfYuan(body[`amountYuan_${n}`]),
      periodFrom: text(body[`periodFrom_${n}`]),
      periodTo: text(body[`periodTo_${n}`]),
    }));
    const context = requestContextOf(request);
    try {
      const attachments = await this.documents.resolveAll(claims.org, CLAIM_KINDS.map((kind) => text(body[`document_${kind}`])).filter((id) => id !== ''), 'documentIds');
      const organisationName = await this.organisationName(claims.org);
      await this.vouchers.run('SubmitVoucherClaim', year, context, () => ({
        type: 'SubmitVoucherClaim',
        data: { claimId: `claim-${randomBytes(5).toString('hex')}`, creditCode: claims.org!, organisationName, invoices, attachments },
        metadata: context.metadata,
      }));
    } catch (error) {
      return this.render(request, response, { claimError: problemInChinese(error), claimForm: body }, statusOfProblem(error));
    }
    response.redirect(303, '/applicant/funds?done=claim');
  }

  @Post('applications')
  @Public()
  async apply(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const claims = signedInAs(request, response, 'applicant');
    if (!claims) return;
    if (!csrfIsValid(request, body[CSRF_FIELD])) return this.render(request, response, { applicationError: '页面已过期,请刷新后重新提交。', applicationForm: body }, 403);
    if (!claims.org) return this.render(request, response, { applicationError: '该账号未关联申报单位,不能提交申请。' }, 403);
    const measure = text(body.measure) === 'national-platform' ? 'national-platform' : 'national-champion';
    const context = requestContextOf(request);
    const applicationId = `ng-${randomBytes(5).toString('hex')}`;
    try {
      if (!text(body.approvalDocumentId)) throw new MissingField('请选择已上传的国家级认定文件。');
      const approvalDocument = {
        documentNo: text(body.documentNo),
        issuer: text(body.issuer),
        approvedOn: text(body.approvedOn),
        file: await this.documents.resolve(claims.org, text(body.approvalDocumentId), 'approvalDocument.documentId'),
      };
      const declaredSupport: DeclaredSupport[] = [];
      if (text(body.supportDocumentNo) || text(body.supportYuan)) {
        if (!text(body.supportDocumentId)) throw new MissingField('申报已获其他支持时,请选择已上传的支持文件。');
        declaredSupport.push({
          documentNo: text(body.supportDocumentNo),
          measureName: text(body.supportMeasureName),
          paidFen: fenOfYuan(body.supportYuan),
          receivedOn: text(body.supportReceivedOn),
          file: await this.documents.resolve(claims.org, text(body.supportDocumentId), 'declaredSupport[0].documentId'),
        });
      }
      const organisationName = await this.organisationName(claims.org);
      await this.grants.run('ApplyForNationalGrant', applicationId, context, () => ({
        type: 'ApplyForNationalGrant',
        data: { applicationId, measure, creditCode: claims.org!, organisationName, project: { projectCode: text(body.projectCode) || null, title: text(body.projectTitle) }, approvalDocument, declaredSupport },
        metadata: context.metadata,
      }));
    } catch (error) {
      return this.render(request, response, { applicationError: error instanceof MissingField ? error.message : problemInChinese(error), applicationForm: body }, error instanceof MissingField ? 400 : statusOfProblem(error));
    }
    response.redirect(303, '/applicant/funds?done=application');
  }

  private async organisationName(creditCode: string): Promise<string> {
    return (await this.organisations.findOneBy({ creditCode }))?.name ?? '';
  }

  private year(): number {
    return Number(shanghaiDate(this.clock.now()).slice(0, 4));
  }

  private async render(request: Request, response: Response, extra: Record<string, unknown>, status = 200): Promise<void> {
    const claims = signedInAs(request, response, 'applicant');
    if (!claims) return;
    const chrome = chromeOf(request, response, '资金支持');
    const org = claims.org?.toUpperCase() ?? '';
    const year = this.year();
    const today = shanghaiDate(this.clock.now());
    const [call, documents, ledger, applications] = await Promise.all([
      this.calls.call(year),
      org ? this.documents.list(org) : Promise.resolve([]),
      org ? this.reads.organisation(org) : Promise.resolve({ lines: [], summary: [] }),
      org ? this.reads.applications(org) : Promise.resolve([]),
    ]);
    const ownClaims = call.status === 'open' ? Object.values(call.claims).filter((claim) => claim.creditCode === org) : [];
    const open = call.status === 'open' && today >= call.call.claimsOpenOn && today <= call.call.claimsCloseOn;
    const done = (request.query.done as string | undefined) ?? '';
    const byKind = (kind: FundDocumentKind, chosen: unknown) =>
      documents.filter((document) => document.kind === kind).map((document) => ({ ...document, selected: document.documentId === chosen }));
    const claimForm = (extra.claimForm ?? {}) as Record<string, unknown>;
    const applicationForm = (extra.applicationForm ?? {}) as Record<string, unknown>;
    response
      .status(status)
      .type('html')
      .send(
        this.views.render('applicant-funds', chrome, {
          done: { claim: done === 'claim', application: done === 'application' },
          maxFile: fileSize(FUND_DOCUMENT_MAX_BYTES),
          kinds: Object.entries(FUND_DOCUMENT_KIND_TEXT).map(([code, name]) => ({ code, name })),
          documents: documents.map((document) => ({ ...document, kindName: documentKindName(document.kind), size: fileSize(document.sizeBytes), href: documentHref(org, document.documentId) })),
          call:
            call.status === 'open'
              ? {
                  year: call.call.year,
                  title: call.call.title,
                  window: `${chineseDate(call.call.claimsOpenOn)}至${chineseDate(call.call.claimsCloseOn)}`,
                  redeemableUntil: chineseDate(call.call.redeemableUntil),
                  rule: call.call.allocationRule === 'first-come' ? '按完整提交申报的先后顺序安排' : '超出预算时按核定补贴额同比例安排',
                  budget: wanOfFen(call.call.budgetFen),
                  open,
                  canClaim: open && !ownClaims.some((claim) => claim.status !== 'rejected'),
                }
              : null,
          claimKinds: CLAIM_KINDS.map((kind) => ({ kind, name: FUND_DOCUMENT_KIND_TEXT[kind], documents: byKind(kind, claimForm[`document_${kind}`]) })),
          invoiceRows: INVOICE_ROWS.map((n) => ({
            n,
            invoiceNo: claimForm[`invoiceNo_${n}`] ?? '',
            provider: claimForm[`provider_${n}`] ?? '',
            amountYuan: claimForm[`amountYuan_${n}`] ?? '',
            periodFrom: claimForm[`periodFrom_${n}`] ?? '',
            periodTo: claimForm[`periodTo_${n}`] ?? '',
          })),
          claims: ownClaims.map((claim) => ({
            ...claim,
            statusName: CLAIM_STATUS_NAMES[claim.status] ?? claim.status,
            declared: yuanOfFen(claim.declaredSpendFen),
            standard: claim.standardFen === null ? '—' : wanOfFen(claim.standardFen),
            granted: claim.grantedFen === null ? '—' : wanOfFen(claim.grantedFen),
            issued: wanOfFen(claim.issuedFen),
            redeemed: wanOfFen(claim.redeemedFen),
            remaining: wanOfFen(claim.issuedFen - claim.redeemedFen),
            files: claim.attachments.map((attachment) => ({ ...attachment, kindName: documentKindName(attachment.kind), href: documentHref(org, attachment.documentId) })),
          })),
          approvalDocuments: byKind('approval-document', applicationForm.approvalDocumentId),
          supportDocuments: byKind('support-document', applicationForm.supportDocumentId),
          applicationForm,
          platformChosen: applicationForm.measure === 'national-platform',
          applications: applications.map(applicationRow),
          lines: ledger.lines.map((line) => lineRow(line)),
          summary: ledger.summary.map((row) => ({ year: row.year, ...summaryRow(row) })),
          ...extra,
        }),
      );
  }
}

/** A form field the page itself asks for before the command runs. */
class MissingField extends Error {}
