import { yuanText } from '../awards/yuan-text';
import type { VoucherCallState } from './compute-voucher.decider';
import { voucherCallStreamOf } from './compute-voucher.decider';
import type { VoucherCallEvent } from './compute-voucher.events';
import type { LedgerLine } from './ledger-line';

/**
 * The fund ledger lines of a 算力券 decision (for each enterprise's fund stream), given the call as
 * it was before the event: an allocation commits, a tranche issues, a redemption pays. Claims,
 * approvals and rejections move no money and make no line.
 */
export function voucherLedgerLines(before: VoucherCallState, event: VoucherCallEvent): LedgerLine[] {
  if (before.status !== 'open') return [];
  const { call, claims } = before;
  const stream = voucherCallStreamOf(call.year);
  const base = (claimId: string) => {
    const claim = claims[claimId];
    return {
      measure: 'compute-voucher' as const,
      programme: null,
      year: call.year,
      creditCode: claim.creditCode,
      project: { projectCode: null, title: `${call.year}年度算力服务` },
      sourceId: `${call.callId}/${claimId}`,
      sourceTitle: call.title,
      entitlementFen: claim.standardFen ?? 0,
      basis: claim.basis ?? '',
      sameProjectAs: [],
      declaredSupportCounted: [],
      causedBy: { stream, eventType: event.type },
    };
  };
  switch (event.type) {
    case 'VouchersAllocated':
      return event.data.allocations.map((line) => ({
        ...base(line.claimId),
        lineId: `${call.callId}/${line.claimId}/allocation`,
        kind: 'voucher-allocation',
        committedFen: line.grantedFen,
        issuedFen: 0,
        paidFen: 0,
        decision: line.decision,
        reason: line.reason,
        decidedAt: event.data.allocatedAt,
      }));
    case 'VoucherTrancheIssued':
      return [
        {
          ...base(event.data.claimId),
          lineId: `${call.callId}/${event.data.claimId}/tranche-${event.data.trancheNo}`,
          kind: 'voucher-tranche',
          committedFen: 0,
          issuedFen: event.data.amountFen,
          paidFen: 0,
          decision: 'issued',
          reason: `发放第 ${event.data.trancheNo} 批算力券 ${yuanText(event.data.amountFen)}`,
          decidedAt: event.data.issuedAt,
        },
      ];
    case 'VoucherRedeemed':
      return [
        {
          ...base(event.data.claimId),
          lineId: `${call.callId}/${event.data.claimId}/redemption-${event.data.redemptionNo}`,
          kind: 'voucher-redemption',
          committedFen: 0,
          issuedFen: 0,
          paidFen: event.data.amountFen,
          decision: 'redeemed',
          reason: `${event.data.provider} 兑付算力券 ${yuanText(event.data.amountFen)}(凭证 ${event.data.reference})`,
          decidedAt: event.data.redeemedAt,
        },
      ];
    default:
      return [];
  }
}
