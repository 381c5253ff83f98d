import { FUND_MEASURE_NAMES } from '@app/domain/funds';
import type { LedgerLine, NationalGrantCommand, NationalGrantEvent, NationalGrantState, VoucherCallCommand, VoucherCallEvent, VoucherCallState } from '@app/domain/funds';
import type { CommandMetadata } from '@app/domain/shared/command-metadata';
import { chineseDate, wanOfFen, yuanOfFen } from './zh-format';

/**
 * The admin's money decisions on the portal, each as the command it sends and the Chinese words for
 * what its events would record (shown on the confirmation page before anything is written).
 */
export type FundAction =
  | { kind: 'voucher'; year: number; heading: string; button: string; build: (state: VoucherCallState) => VoucherCallCommand }
  | { kind: 'grant'; applicationId: string; heading: string; button: string; build: (state: NationalGrantState, ledger: readonly LedgerLine[]) => NationalGrantCommand };

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const fenOfYuan = (value: unknown) => (text(value) === '' ? Number.NaN : Math.round(Number(text(value)) * 100));

/** The action a form posted, or a sentence saying what is missing. */
export function fundActionOf(action: string, body: Record<string, unknown>, metadata: CommandMetadata): FundAction | string {
  const year = Number(text(body.year));
  const claimId = text(body.claimId);
  const applicationId = text(body.applicationId);
  switch (action) {
    case 'review-claim':
      if (text(body.outcome) === 'reject') {
        if (!text(body.reason)) return '不予通过须填写理由。';
        return { kind: 'voucher', year, heading: '确认不予通过算力券申报', button: '确认不予通过', build: () => ({ type: 'RejectVoucherClaim', data: { claimId, reason: text(body.reason) }, metadata }) };
      }
      if (!Number.isSafeInteger(fenOfYuan(body.eligibleYuan)) || fenOfYuan(body.eligibleYuan) <= 0) return '请填写核定的年度算力支出(元)。';
      return { kind: 'voucher', year, heading: '确认审核通过算力券申报', button: '确认审核通过', build: () => ({ type: 'ApproveVoucherClaim', data: { claimId, eligibleSpendFen: fenOfYuan(body.eligibleYuan) }, metadata }) };
    case 'open-call': {
      const budget = text(body.budgetWan) === '' ? undefined : Math.round(Number(text(body.budgetWan)) * 1_000_000);
      if (budget !== undefined && (!Number.isSafeInteger(budget) || budget <= 0)) return '年度预算须为正数(万元)。';
      const allocationRule = text(body.allocationRule) === 'pro-rata' ? 'pro-rata' : 'first-come';
      return {
        kind: 'voucher',
        year,
        heading: `确认发布${year}年算力券申报`,
        button: '确认发布',
        build: () => ({
          type: 'OpenVoucherCall',
          data: { year, allocationRule, claimsOpenOn: text(body.claimsOpenOn), claimsCloseOn: text(body.claimsCloseOn), ...(budget !== undefined ? { budgetFen: budget } : {}), ...(text(body.redeemableUntil) ? { redeemableUntil: text(body.redeemableUntil) } : {}) },
          metadata,
        }),
      };
    }
    case 'allocate':
      return { kind: 'voucher', year, heading: '确认安排算力券补贴', button: '确认安排补贴', build: () => ({ type: 'AllocateVouchers', data: {}, metadata }) };
    case 'tranche':
      if (!Number.isSafeInteger(fenOfYuan(body.amountYuan)) || fenOfYuan(body.amountYuan) <= 0) return '请填写本批发放金额(元)。';
      return { kind: 'voucher', year, heading: '确认发放算力券', button: '确认发放', build: () => ({ type: 'IssueVoucherTranche', data: { claimId, amountFen: fenOfYuan(body.amountYuan) }, metadata }) };
    case 'redeem':
      if (!Number.isSafeInteger(fenOfYuan(body.amountYuan)) || fenOfYuan(body.amountYuan) <= 0) return '请填写兑付金额(元)。';
      return {
        kind: 'voucher',
        year,
        heading: '确认登记算力券兑付',
        button: '确认登记兑付',
        build: () => ({ type: 'RedeemVoucher', data: { claimId, amountFen: fenOfYuan(body.amountYuan), provider: text(body.provider), reference: text(body.reference) }, metadata }),
      };
    case 'decide-grant':
      if (text(body.outcome) === 'reject') {
        if (!text(body.reason)) return '不予支持须填写理由。';
        return { kind: 'grant', applicationId, heading: '确认不予支持', button: '确认不予支持', build: () => ({ type: 'RejectNationalGrant', data: { reason: text(body.reason) }, metadata }) };
      }
      return {
        kind: 'grant',
        applicationId,
        heading: '确认支持决定',
        button: '确认决定',
        build: (state, ledger) =>
          state.status !== 'none' && state.measure === 'national-champion'
            ? { type: 'AwardNationalChampion', data: { ledger, amountFen: fenOfYuan(body.amountYuan) }, metadata }
            : { type: 'ApproveNationalPlatformGrant', data: { ledger }, metadata },
      };
    case 'instalment': {
      const outcome = text(body.outcome) === 'suspend' ? 'suspend' : 'pay';
      if (outcome === 'suspend' && !text(body.reason)) return '暂停拨付须填写理由。';
      const instalment = Number(text(body.instalment));
      return {
        kind: 'grant',
        applicationId,
        heading: outcome === 'pay' ? `确认第 ${instalment} 年度拨付` : `确认暂停第 ${instalment} 年度拨付`,
        button: outcome === 'pay' ? '确认拨付' : '确认暂停',
        build: (_state, ledger) => ({ type: 'DecideGrantInstalment', data: { ledger, instalment, outcome, ...(outcome === 'suspend' ? { reason: text(body.reason) } : {}) }, metadata }),
      };
    }
    default:
      return '未知的操作。';
  }
}

/** What the events would record, in sentences, and a table for an allocation. */
export function describeVoucherEvents(state: VoucherCallState, events: readonly VoucherCallEvent[]): { lines: string[]; table?: { caption: string; head: string[]; rows: string[][] } } {
  const claims = state.status === 'open' ? state.claims : {};
  const nameOf = (claimId: string) => claims[claimId]?.organisationName ?? claimId;
  const lines: string[] = [];
  let table: { caption: string; head: string[]; rows: string[][] } | undefined;
  for (const event of events) {
    switch (event.type) {
      case 'VoucherClaimApproved':
        lines.push(`${nameOf(event.data.claimId)}的算力券申报审核通过:核定算力支出 ${yuanOfFen(event.data.eligibleSpendFen)},补贴标准 ${wanOfFen(event.data.standardFen)}(${event.data.basis})。`);
        break;
      case 'VoucherClaimRejected':
        lines.push(`${nameOf(event.data.claimId)}的算力券申报不予通过,理由:${event.data.reason}。`);
        break;
      case 'VouchersAllocated': {
        const total = event.data.allocations.reduce((sum, line) => sum + line.grantedFen, 0);
        lines.push(`第 ${event.data.round} 轮安排 ${event.data.allocations.length} 家企业,合计 ${wanOfFen(total)};年度预算 ${wanOfFen(event.data.budgetFen)},此前已安排 ${wanOfFen(event.data.committedBeforeFen)},安排后余额 ${wanOfFen(event.data.budgetFen - event.data.committedBeforeFen - total)}。`);
        table = {
          caption: '各企业的安排',
          head: ['企业', '核定标准', '安排补贴', '说明'],
          rows: event.data.allocations.map((line) => [nameOf(line.claimId), wanOfFen(line.standardFen), wanOfFen(line.grantedFen), line.reason]),
        };
        break;
      }
      case 'VoucherTrancheIssued':
        lines.push(`向${nameOf(event.data.claimId)}发放第 ${event.data.trancheNo} 批算力券 ${wanOfFen(event.data.amountFen)}。`);
        break;
      case 'VoucherRedeemed':
        lines.push(`登记${nameOf(event.data.claimId)}在${event.data.provider}兑付算力券 ${wanOfFen(event.data.amountFen)}(凭证 ${event.data.reference})。`);
        break;
      case 'VoucherCallOpened':
        lines.push(
          `发布《${event.data.title}》:申报时间 ${chineseDate(event.data.claimsOpenOn)}至${chineseDate(event.data.claimsCloseOn)},年度预算 ${wanOfFen(event.data.budgetFen)},` +
            `补贴为年度算力支出的 ${event.data.rateBasisPoints / 100}%,每家企业最高 ${wanOfFen(event.data.capFenPerEnterprise)};` +
            `${event.data.allocationRule === 'first-come' ? '申报超出预算时按完整提交申报的先后顺序安排' : '申报超出预算时按核定补贴额同比例安排(申报截止后统一安排)'};算力券兑付期限 ${chineseDate(event.data.redeemableUntil ?? `${event.data.year}-12-31`)}。`,
        );
        break;
      case 'VoucherClaimSubmitted':
        break;
    }
  }
  return { lines, ...(table ? { table } : {}) };
}

export function describeGrantEvents(state: NationalGrantState, events: readonly NationalGrantEvent[]): { lines: string[] } {
  const who = state.status === 'none' ? '' : `${state.organisationName}《${state.project.title}》(${FUND_MEASURE_NAMES[state.measure]})`;
  const lines: string[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'NationalGrantRejected':
        lines.push(`${who}不予支持,理由:${event.data.reason}。`);
        break;
      case 'NationalPlatformGrantApproved':
        lines.push(`${who}获批分年度支持,合计 ${wanOfFen(event.data.entitlementFen)}:${event.data.schedule.map((item) => `${item.year}年 ${wanOfFen(item.amountFen)}`).join(',')};每年度拨付须另行决定。`);
        break;
      case 'NationalChampionAwarded':
        lines.push(`${who}一次性奖励 ${wanOfFen(event.data.amountFen)}(上限 ${wanOfFen(event.data.capFen)}),实际拨付 ${wanOfFen(event.data.award.paidFen)}。`);
        lines.push(`说明:${event.data.award.reason}`);
        break;
      case 'GrantInstalmentDecided':
        lines.push(`${who}第 ${event.data.instalment} 年度(${event.data.year}年)应拨 ${wanOfFen(event.data.dueFen)},实际拨付 ${wanOfFen(event.data.award.paidFen)}。`);
        lines.push(`说明:${event.data.award.reason}`);
        break;
      case 'GrantInstalmentSuspended':
        lines.push(`${who}第 ${event.data.instalment} 年度(${event.data.year}年)暂停拨付,理由:${event.data.reason}。`);
        break;
      case 'NationalGrantApplied':
        lines.push(`${who}申请,认定文件 ${event.data.approvalDocument.documentNo}(${chineseDate(event.data.approvalDocument.approvedOn)})。`);
        break;
    }
  }
  return { lines };
}

/** The form fields to carry from the form to the confirmation page. */
export function carriedFields(body: Record<string, unknown>): { name: string; value: string }[] {
  return ['year', 'claimId', 'applicationId', 'outcome', 'eligibleYuan', 'reason', 'amountYuan', 'provider', 'reference', 'instalment', 'allocationRule', 'claimsOpenOn', 'claimsCloseOn', 'budgetWan', 'redeemableUntil']
    .filter((name) => typeof body[name] === 'string' && body[name] !== '')
    .map((name) => ({ name, value: body[name] as string }));
}
