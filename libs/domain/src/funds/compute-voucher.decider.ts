import { assertCreditCode } from '../credit-code/credit-code';
import { isLocalDate, yearOf } from '../calendar/local-date';
import type { LocalDate } from '../calendar/local-date';
import type { CommandMetadata } from '../shared/command-metadata';
import type { Decider } from '../shared/decider';
import type { Fen } from '../shared/money';
import { refuse } from '../shared/refusal';
import type { VoucherCallCommand } from './compute-voucher.commands';
import type { ComputeInvoice, VoucherCallEvent, VoucherClaimAttachment } from './compute-voucher.events';
import type { VoucherMeasure } from './measures';
import { requireCommandWithinValidity, requireWithinValidity } from './policy-validity';
import type { PolicyValidity } from './policy-validity';
import { FUND_DOCUMENT_KIND_TEXT, fundDocumentProblems } from './fund-document';
import { allocateVouchers, ALLOCATION_RULE_TEXT } from './voucher-allocation';
import type { VoucherAllocationRule } from './voucher-allocation';
import { voucherBasisText, voucherStandard } from './voucher-formula';

/**
 * A year's 算力券 programme (附件5 一), stream `compute-voucher-{year}`: not ranked but claimed with
 * the year's compute-service invoices; the admin approves the eligible spend, the call's declared
 * allocation rule shares the yearly budget when claims exceed it, vouchers are issued in tranches
 * and redeemed. Outside 不重复享受 (算力券政策除外).
 *
 * Bounded: per claim one submission (its invoices), one review, one allocation line, and a few
 * tranches and redemptions — a few thousand small events for the largest plausible year.
 */
export interface VoucherClaim {
  readonly claimId: string;
  readonly creditCode: string;
  readonly organisationName: string;
  readonly invoices: readonly ComputeInvoice[];
  /** The uploaded files of the claim (empty on claims recorded before uploads were files). */
  readonly attachments: readonly VoucherClaimAttachment[];
  readonly declaredSpendFen: Fen;
  readonly completedAt: string;
  readonly status: 'submitted' | 'approved' | 'rejected' | 'allocated';
  readonly eligibleSpendFen: Fen | null;
  readonly standardFen: Fen | null;
  readonly basis: string | null;
  readonly grantedFen: Fen | null;
  readonly allocationReason: string | null;
  readonly rejectionReason: string | null;
  readonly issuedFen: Fen;
  readonly tranches: number;
  readonly redeemedFen: Fen;
  readonly redemptions: number;
}

export interface VoucherCall {
  readonly callId: string;
  readonly year: number;
  readonly title: string;
  readonly budgetFen: Fen;
  readonly rateBasisPoints: number;
  readonly capFenPerEnterprise: Fen;
  readonly allocationRule: VoucherAllocationRule;
  readonly claimsOpenOn: LocalDate;
  readonly claimsCloseOn: LocalDate;
  /** The vouchers' own validity: redemptions after this day are refused. */
  readonly redeemableUntil: LocalDate;
  readonly requiredAttachments: readonly string[];
  readonly committedFen: Fen;
  readonly rounds: number;
}

export type VoucherCallState =
  | { readonly status: 'none' }
  | { readonly status: 'open'; readonly call: VoucherCall; readonly claims: Readonly<Record<string, VoucherClaim>> };

export function voucherCallStreamOf(year: number): string {
  return `compute-voucher-${year}`;
}

export const ATTACHMENT_KIND_TEXT: Readonly<Record<string, string>> = {
  'compute-invoices': '算力服务发票',
  'service-contract': '算力服务合同',
  'integrity-commitment': '诚信承诺书',
};

type Open = Extract<VoucherCallState, { status: 'open' }>;

export function voucherCallDecider(measure: VoucherMeasure, validity: PolicyValidity): Decider<VoucherCallCommand, VoucherCallEvent, VoucherCallState> {
  return {
    initialState: () => ({ status: 'none' }),
    decide(command, state) {
      switch (command.type) {
        case 'OpenVoucherCall':
          return openCall(measure, validity, command, state);
        case 'SubmitVoucherClaim':
          return submitClaim(validity, command, requireCall(state));
        case 'ApproveVoucherClaim':
          return approveClaim(validity, command, requireCall(state));
        case 'RejectVoucherClaim':
          return rejectClaim(command, requireCall(state));
        case 'AllocateVouchers':
          return allocate(validity, command, requireCall(state));
        case 'IssueVoucherTranche':
          return issueTranche(validity, command, requireCall(state));
        case 'RedeemVoucher':
          return redeem(validity, command, requireCall(state));
      }
    },
    evolve: evolveVoucherCall,
  };
}

function requireAdmin(metadata: CommandMetadata, what: string): void {
  if (metadata.actor.role !== 'admin') throw refuse('forbidden', `只有管理员可以${what}`, 'forbidden');
}

function requireCall(state: VoucherCallState): Open {
  if (state.status === 'none') throw refuse('voucher-call-not-found', '该年度算力券申报尚未开放,请等待管理员发布申报通知', 'not-found');
  return state;
}

function requireClaim(state: Open, claimId: string): VoucherClaim {
  const claim = state.claims[claimId];
  if (!claim) throw refuse('voucher-claim-not-found', `未找到算力券申报 ${claimId}`, 'not-found');
  return claim;
}

function openCall(measure: VoucherMeasure, validity: PolicyValidity, command: Extract<VoucherCallCommand, { type: 'OpenVoucherCall' }>, state: VoucherCallState): VoucherCallEvent[] {
  requireAdmin(command.metadata, '发布算力券申报通知');
  const { year, allocationRule, claimsOpenOn, claimsCloseOn } = command.data;
  const redeemableUntil = command.data.redeemableUntil ?? `${year}-12-31`;
  const budgetFen = command.data.budgetFen ?? measure.yearlyBudgetFen;
  if (state.status !== 'none') throw refuse('voucher-call-exists', `${year}年算力券申报已发布,无需重复发布`);
  const problems: string[] = [];
  if (!Number.isSafeInteger(year) || year < 2000 || year > 2100) problems.push(`year:年度须为四位年份,收到 ${year}`);
  if (!['first-come', 'pro-rata'].includes(allocationRule)) problems.push('allocationRule:请选择 first-come(按完整提交先后)或 pro-rata(同比例)');
  if (!isLocalDate(claimsOpenOn) || yearOf(claimsOpenOn) !== year) problems.push(`claimsOpenOn:申报开始日期须为 ${year} 年内的 YYYY-MM-DD`);
  if (!isLocalDate(claimsCloseOn) || yearOf(claimsCloseOn) !== year) problems.push(`claimsCloseOn:申报截止日期须为 ${year} 年内的 YYYY-MM-DD`);
  if (claimsOpenOn > claimsCloseOn) problems.push('claimsCloseOn:申报截止日期不得早于开始日期');
  if (!isLocalDate(redeemableUntil) || redeemableUntil < claimsCloseOn) problems.push(`redeemableUntil:算力券兑付期限须为 YYYY-MM-DD 且不早于申报截止日期 ${claimsCloseOn}`);
  if (!Number.isSafeInteger(budgetFen) || budgetFen <= 0 || budgetFen > measure.yearlyBudgetFen) {
    problems.push(`budgetFen:年度预算须为 1 至 ${measure.yearlyBudgetFen} 分(${measure.clause})`);
  }
  if (problems.length > 0) throw refuse('invalid-voucher-call', `算力券申报通知有误:${problems.join(';')}`, 'invalid', { problems });
  const today = requireCommandWithinValidity(validity, command.metadata, '发布算力券申报通知');
  requireWithinValidity(validity, claimsOpenOn, '算力券申报开始');
  requireWithinValidity(validity, claimsCloseOn, '算力券申报截止');
  if (claimsCloseOn < today) throw refuse('voucher-call-in-past', `申报截止日期 ${claimsCloseOn} 已过,请重新选择截止日期`, 'invalid');
  return [
    {
      type: 'VoucherCallOpened',
      data: {
        callId: voucherCallStreamOf(year),
        year,
        title: `${year}年湖南省“人工智能+”算力券`,
        budgetFen,
        rateBasisPoints: measure.rateBasisPoints,
        capFenPerEnterprise: measure.capFenPerEnterprise,
        allocationRule,
        claimsOpenOn,
        claimsCloseOn,
        redeemableUntil,
        requiredAttachments: [...measure.requiredAttachments],
        openedAt: command.metadata.now,
      },
    },
  ];
}

function submitClaim(validity: PolicyValidity, command: Extract<VoucherCallCommand, { type: 'SubmitVoucherClaim' }>, state: Open): VoucherCallEvent[] {
  const { call } = state;
  const { claimId, organisationName, invoices, attachments } = command.data;
  const creditCode = assertCreditCode(command.data.creditCode);
  const { actor } = command.metadata;
  if (actor.role !== 'applicant' || actor.organisationCreditCode?.toUpperCase() !== creditCode) {
    throw refuse('forbidden', '只有申报单位本单位的账号可以提交本单位的算力券申报', 'forbidden');
  }
  const today = requireCommandWithinValidity(validity, command.metadata, '算力券申报');
  if (today < call.claimsOpenOn) throw refuse('voucher-claims-not-open', `算力券申报自 ${call.claimsOpenOn} 开始受理,请届时提交`);
  if (today > call.claimsCloseOn) throw refuse('voucher-claims-closed', `算力券申报已于 ${call.claimsCloseOn} 截止,不再受理`);
  if (state.claims[claimId]) throw refuse('voucher-claim-exists', `申报编号 ${claimId} 已存在`);
  const existing = Object.values(state.claims).find((claim) => claim.creditCode === creditCode && claim.status !== 'rejected');
  if (existing) throw refuse('voucher-claim-exists', `本单位已提交${call.year}年算力券申报(${existing.claimId}),每家企业每年申报一次`);
  const problems = invoiceProblems(call.year, invoices);
  attachments.forEach((attachment, index) => {
    if (!call.requiredAttachments.includes(attachment.kind)) {
      problems.push(`attachments[${index}]:${FUND_DOCUMENT_KIND_TEXT[attachment.kind] ?? attachment.kind}不是算力券申报的材料,请只选择${call.requiredAttachments.map((kind) => ATTACHMENT_KIND_TEXT[kind] ?? kind).join('、')}`);
    } else {
      problems.push(...fundDocumentProblems(`attachments[${index}]`, attachment, attachment.kind));
    }
  });
  if (organisationName.trim() === '') problems.push('organisationName:请填写单位名称');
  if (problems.length > 0) throw refuse('invalid-voucher-claim', `算力券申报有误:${problems.join(';')}`, 'invalid', { problems });
  const missing = call.requiredAttachments.filter((kind) => !attachments.some((attachment: VoucherClaimAttachment) => attachment.kind === kind));
  if (missing.length > 0) {
    throw refuse(
      'voucher-claim-incomplete',
      `申报材料不完整,缺少:${missing.map((kind) => ATTACHMENT_KIND_TEXT[kind] ?? kind).join('、')}。请上传后再提交(按完整提交时间排序)`,
      'conflict',
      { missing },
    );
  }
  return [
    {
      type: 'VoucherClaimSubmitted',
      data: {
        claimId,
        creditCode,
        organisationName: organisationName.trim(),
        invoices: [...invoices],
        attachments: [...attachments],
        declaredSpendFen: invoices.reduce((total, invoice) => total + invoice.amountFen, 0),
        completedAt: command.metadata.now,
      },
    },
  ];
}

function invoiceProblems(year: number, invoices: readonly ComputeInvoice[]): string[] {
  const problems: string[] = [];
  if (invoices.length === 0) problems.push('invoices:请至少填写一张算力服务发票');
  const numbers = new Set<string>();
  invoices.forEach((invoice, index) => {
    const at = `invoices[${index}]`;
    if (invoice.invoiceNo.trim() === '') problems.push(`${at}.invoiceNo:请填写发票号码`);
    if (numbers.has(invoice.invoiceNo)) problems.push(`${at}.invoiceNo:发票 ${invoice.invoiceNo} 重复填写`);
    numbers.add(invoice.invoiceNo);
    if (invoice.provider.trim() === '') problems.push(`${at}.provider:请填写算力服务提供方`);
    if (!Number.isSafeInteger(invoice.amountFen) || invoice.amountFen <= 0) problems.push(`${at}.amountFen:发票金额须为正整数分`);
    if (!isLocalDate(invoice.periodFrom) || !isLocalDate(invoice.periodTo) || invoice.periodFrom > invoice.periodTo) {
      problems.push(`${at}.period:服务期间须为 YYYY-MM-DD 且起始不晚于结束`);
    } else if (yearOf(invoice.periodFrom) !== year || yearOf(invoice.periodTo) !== year) {
      problems.push(`${at}.period:服务期间 ${invoice.periodFrom} 至 ${invoice.periodTo} 不在 ${year} 年度内,只计本年度算力支出`);
    }
  });
  return problems;
}

function approveClaim(validity: PolicyValidity, command: Extract<VoucherCallCommand, { type: 'ApproveVoucherClaim' }>, state: Open): VoucherCallEvent[] {
  requireAdmin(command.metadata, '审核算力券申报');
  const claim = requireClaim(state, command.data.claimId);
  if (claim.status !== 'submitted') throw refuse('voucher-claim-reviewed', `申报 ${claim.claimId} 已审核(${claim.status}),不能再次审核`);
  requireCommandWithinValidity(validity, command.metadata, '算力券审核');
  const { eligibleSpendFen } = command.data;
  const standardFen = voucherStandard(state.call, eligibleSpendFen);
  if (eligibleSpendFen > claim.declaredSpendFen) {
    throw refuse('eligible-spend-above-invoices', `核定算力支出 ${eligibleSpendFen} 分不得超过发票合计 ${claim.declaredSpendFen} 分`, 'invalid');
  }
  return [
    {
      type: 'VoucherClaimApproved',
      data: {
        claimId: claim.claimId,
        eligibleSpendFen,
        standardFen,
        basis: voucherBasisText(state.call, eligibleSpendFen),
        note: command.data.note?.trim() ?? '',
        approvedAt: command.metadata.now,
      },
    },
  ];
}

function rejectClaim(command: Extract<VoucherCallCommand, { type: 'RejectVoucherClaim' }>, state: Open): VoucherCallEvent[] {
  requireAdmin(command.metadata, '审核算力券申报');
  const claim = requireClaim(state, command.data.claimId);
  if (claim.status !== 'submitted') throw refuse('voucher-claim-reviewed', `申报 ${claim.claimId} 已审核(${claim.status}),不能再次审核`);
  if (command.data.reason.trim() === '') throw refuse('reason-required', '不予通过须写明理由', 'invalid');
  return [{ type: 'VoucherClaimRejected', data: { claimId: claim.claimId, reason: command.data.reason.trim(), rejectedAt: command.metadata.now } }];
}

function allocate(validity: PolicyValidity, command: Extract<VoucherCallCommand, { type: 'AllocateVouchers' }>, state: Open): VoucherCallEvent[] {
  requireAdmin(command.metadata, '安排算力券补贴');
  const { call } = state;
  const today = requireCommandWithinValidity(validity, command.metadata, '算力券补贴安排');
  if (call.allocationRule === 'pro-rata' && today <= call.claimsCloseOn) {
    throw refuse('voucher-claims-still-open', `本年度算力券按同比例安排,须在申报截止(${call.claimsCloseOn})后统一安排`);
  }
  const approved = Object.values(state.claims).filter((claim) => claim.status === 'approved');
  const pending = Object.values(state.claims).filter((claim) => claim.status === 'submitted');
  if (call.allocationRule === 'pro-rata' && pending.length > 0) {
    throw refuse('voucher-claims-unreviewed', `同比例安排须先审核全部申报,尚有 ${pending.length} 件未审核:${pending.map((c) => c.claimId).join('、')}`, 'conflict', {
      pending: pending.map((c) => c.claimId),
    });
  }
  if (approved.length === 0) throw refuse('nothing-to-allocate', '没有已审核通过且尚未安排的算力券申报');
  const allocations = allocateVouchers(
    call.allocationRule,
    call.budgetFen - call.committedFen,
    approved.map((claim) => ({ claimId: claim.claimId, creditCode: claim.creditCode, standardFen: claim.standardFen ?? 0, completedAt: claim.completedAt })),
  );
  return [
    {
      type: 'VouchersAllocated',
      data: {
        round: call.rounds + 1,
        rule: call.allocationRule,
        budgetFen: call.budgetFen,
        committedBeforeFen: call.committedFen,
        allocations: allocations.map((line) => ({ ...line, reason: `${line.reason}(分配规则:${ALLOCATION_RULE_TEXT[call.allocationRule]})` })),
        allocatedAt: command.metadata.now,
      },
    },
  ];
}

function issueTranche(validity: PolicyValidity, command: Extract<VoucherCallCommand, { type: 'IssueVoucherTranche' }>, state: Open): VoucherCallEvent[] {
  requireAdmin(command.metadata, '发放算力券');
  const claim = requireClaim(state, command.data.claimId);
  if (claim.status !== 'allocated') throw refuse('voucher-not-allocated', `申报 ${claim.claimId} 尚未安排补贴,不能发放算力券`);
  requireCommandWithinValidity(validity, command.metadata, '算力券发放');
  const { amountFen } = command.data;
  const open = (claim.grantedFen ?? 0) - claim.issuedFen;
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw refuse('invalid-amount', '发放金额须为正整数分', 'invalid');
  if (amountFen > open) throw refuse('voucher-over-issued', `本次发放 ${amountFen} 分超过尚未发放的核定补贴 ${open} 分`);
  return [
    { type: 'VoucherTrancheIssued', data: { claimId: claim.claimId, creditCode: claim.creditCode, trancheNo: claim.tranches + 1, amountFen, issuedAt: command.metadata.now } },
  ];
}

function redeem(validity: PolicyValidity, command: Extract<VoucherCallCommand, { type: 'RedeemVoucher' }>, state: Open): VoucherCallEvent[] {
  if (!['admin', 'system'].includes(command.metadata.actor.role)) throw refuse('forbidden', '只有管理员可以登记算力券兑付', 'forbidden');
  const claim = requireClaim(state, command.data.claimId);
  const today = requireCommandWithinValidity(validity, command.metadata, '算力券兑付');
  const { call } = state;
  if (today > call.redeemableUntil) {
    throw refuse(
      'voucher-expired',
      `${call.year}年度算力券的兑付期限为 ${call.redeemableUntil},${today} 已过期,不能再登记兑付(申报 ${claim.claimId} 尚有 ${claim.issuedFen - claim.redeemedFen} 分未兑付)`,
      'conflict',
      { redeemableUntil: call.redeemableUntil, date: today },
    );
  }
  const { amountFen, provider, reference } = command.data;
  const open = claim.issuedFen - claim.redeemedFen;
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw refuse('invalid-amount', '兑付金额须为正整数分', 'invalid');
  if (provider.trim() === '' || reference.trim() === '') throw refuse('invalid-redemption', '请填写算力服务提供方和兑付凭证号', 'invalid');
  if (amountFen > open) throw refuse('voucher-over-redeemed', `本次兑付 ${amountFen} 分超过已发放未兑付的算力券 ${open} 分`);
  return [
    {
      type: 'VoucherRedeemed',
      data: { claimId: claim.claimId, creditCode: claim.creditCode, redemptionNo: claim.redemptions + 1, amountFen, provider: provider.trim(), reference: reference.trim(), redeemedAt: command.metadata.now },
    },
  ];
}

export function evolveVoucherCall(state: VoucherCallState, event: VoucherCallEvent): VoucherCallState {
  if (event.type === 'VoucherCallOpened') {
    const { callId, year, title, budgetFen, rateBasisPoints, capFenPerEnterprise, allocationRule, claimsOpenOn, claimsCloseOn, requiredAttachments } = event.data;
    const redeemableUntil = event.data.redeemableUntil ?? `${year}-12-31`;
    return {
      status: 'open',
      call: { callId, year, title, budgetFen, rateBasisPoints, capFenPerEnterprise, allocationRule, claimsOpenOn, claimsCloseOn, redeemableUntil, requiredAttachments, committedFen: 0, rounds: 0 },
      claims: {},
    };
  }
  if (state.status !== 'open') return state;
  const update = (claimId: string, change: (claim: VoucherClaim) => VoucherClaim): Open => ({ ...state, claims: { ...state.claims, [claimId]: change(state.claims[claimId]) } });
  switch (event.type) {
    case 'VoucherClaimSubmitted': {
      const { claimId, creditCode, organisationName, invoices, declaredSpendFen, completedAt } = event.data;
      const attachments = event.data.attachments.filter((attachment) => typeof attachment.documentId === 'string');
      const claim: VoucherClaim = {
        claimId, creditCode, organisationName, invoices, attachments, declaredSpendFen, completedAt,
        status: 'submitted', eligibleSpendFen: null, standardFen: null, basis: null, grantedFen: null, allocationReason: null, rejectionReason: null,
        issuedFen: 0, tranches: 0, redeemedFen: 0, redemptions: 0,
      };
      return { ...state, claims: { ...state.claims, [claimId]: claim } };
    }
    case 'VoucherClaimApproved':
      return update(event.data.claimId, (claim) => ({ ...claim, status: 'approved', eligibleSpendFen: event.data.eligibleSpendFen, standardFen: event.data.standardFen, basis: event.data.basis }));
    case 'VoucherClaimRejected':
      return update(event.data.claimId, (claim) => ({ ...claim, status: 'rejected', rejectionReason: event.data.reason }));
    case 'VouchersAllocated': {
      let next: Open = { ...state, call: { ...state.call, rounds: event.data.round } };
      for (const line of event.data.allocations) {
        next = {
          ...next,
          call: { ...next.call, committedFen: next.call.committedFen + line.grantedFen },
          claims: { ...next.claims, [line.claimId]: { ...next.claims[line.claimId], status: 'allocated', grantedFen: line.grantedFen, allocationReason: line.reason } },
        };
      }
      return next;
    }
    case 'VoucherTrancheIssued':
      return update(event.data.claimId, (claim) => ({ ...claim, issuedFen: claim.issuedFen + event.data.amountFen, tranches: event.data.trancheNo }));
    case 'VoucherRedeemed':
      return update(event.data.claimId, (claim) => ({ ...claim, redeemedFen: claim.redeemedFen + event.data.amountFen, redemptions: event.data.redemptionNo }));
  }
}

export interface VoucherBalance {
  readonly claimId: string;
  readonly creditCode: string;
  readonly organisationName: string;
  readonly status: VoucherClaim['status'];
  readonly standardFen: Fen | null;
  readonly grantedFen: Fen;
  readonly issuedFen: Fen;
  readonly redeemedFen: Fen;
  /** Issued and not yet redeemed. */
  readonly remainingFen: Fen;
  /** Granted and not yet issued. */
  readonly unissuedFen: Fen;
}

/** Per enterprise: granted, issued, redeemed, remaining (issued − redeemed) and not yet issued. */
export function voucherBalances(state: VoucherCallState): VoucherBalance[] {
  if (state.status !== 'open') return [];
  return Object.values(state.claims)
    .sort((a, b) => (a.completedAt < b.completedAt ? -1 : a.completedAt > b.completedAt ? 1 : 0))
    .map((claim) => ({
      claimId: claim.claimId,
      creditCode: claim.creditCode,
      organisationName: claim.organisationName,
      status: claim.status,
      standardFen: claim.standardFen,
      grantedFen: claim.grantedFen ?? 0,
      issuedFen: claim.issuedFen,
      redeemedFen: claim.redeemedFen,
      remainingFen: claim.issuedFen - claim.redeemedFen,
      unissuedFen: (claim.grantedFen ?? 0) - claim.issuedFen,
    }));
}

