import { creditCode } from '../selection/actors.test-support';
import type { VoucherCallCommand } from './compute-voucher.commands';
import type { VoucherCallEvent } from './compute-voucher.events';
import type { FundDocumentKind } from './fund-document';
import { admin, applicant, at, MEASURES, uploaded, validity, wan } from './funds.test-support';
import type { VoucherAllocationRule } from './voucher-allocation';
import { voucherBasisText, voucherStandard } from './voucher-formula';

export const ENTERPRISE = [creditCode(501), creditCode(502), creditCode(503)];
export const ATTACHMENTS = MEASURES.voucher.requiredAttachments.map((kind) => uploaded(kind as FundDocumentKind));

export type OpenCall = Extract<VoucherCallCommand, { type: 'OpenVoucherCall' }>;
export type SubmitClaim = Extract<VoucherCallCommand, { type: 'SubmitVoucherClaim' }>;

export function openCall(allocationRule: VoucherAllocationRule, budgetFen = wan(10_000)): OpenCall {
  return { type: 'OpenVoucherCall', data: { year: 2026, allocationRule, claimsOpenOn: '2026-03-01', claimsCloseOn: '2026-04-30', budgetFen }, metadata: admin('2026-02-20') };
}

export function opened(allocationRule: VoucherAllocationRule, budgetFen = wan(10_000)): VoucherCallEvent {
  return {
    type: 'VoucherCallOpened',
    data: {
      callId: 'compute-voucher-2026',
      year: 2026,
      title: '2026年湖南省“人工智能+”算力券',
      budgetFen,
      rateBasisPoints: 3000,
      capFenPerEnterprise: wan(1_000),
      allocationRule,
      claimsOpenOn: '2026-03-01',
      claimsCloseOn: '2026-04-30',
      redeemableUntil: '2026-12-31',
      requiredAttachments: MEASURES.voucher.requiredAttachments,
      openedAt: at('2026-02-20'),
    },
  };
}

export const invoice = (amountFen: number, invoiceNo = 'INV-1') => ({ invoiceNo, provider: '国家超级计算长沙中心', amountFen, periodFrom: '2026-01-01', periodTo: '2026-03-31' });

export function submit(claimId: string, code: string, spendFen: number, date = '2026-03-10'): SubmitClaim {
  return { type: 'SubmitVoucherClaim', data: { claimId, creditCode: code, organisationName: `企业${claimId}`, invoices: [invoice(spendFen)], attachments: ATTACHMENTS }, metadata: applicant(code, date) };
}

export function submitted(claimId: string, code: string, spendFen: number, date = '2026-03-10'): VoucherCallEvent {
  return {
    type: 'VoucherClaimSubmitted',
    data: { claimId, creditCode: code, organisationName: `企业${claimId}`, invoices: [invoice(spendFen)], attachments: ATTACHMENTS, declaredSpendFen: spendFen, completedAt: at(date) },
  };
}

export function approved(claimId: string, eligibleSpendFen: number, date = '2026-05-06'): VoucherCallEvent {
  return {
    type: 'VoucherClaimApproved',
    data: {
      claimId,
      eligibleSpendFen,
      standardFen: voucherStandard(MEASURES.voucher, eligibleSpendFen),
      basis: voucherBasisText(MEASURES.voucher, eligibleSpendFen),
      note: '',
      approvedAt: at(date),
    },
  };
}

export const VALIDITY = validity();
