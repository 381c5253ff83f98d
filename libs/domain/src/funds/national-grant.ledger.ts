import { yuanText } from '../awards/yuan-text';
import { yearOf } from '../calendar/local-date';
import { shanghaiDate } from '../calendar/shanghai-time';
import type { LedgerLine } from './ledger-line';
import type { NationalGrantState } from './national-grant.decider';
import { nationalGrantStreamOf } from './national-grant.decider';
import type { NationalGrantEvent, SupportDecision } from './national-grant.events';

/**
 * The fund ledger lines of a national-level decision, given the application as it was before the
 * event: a platform approval commits each year's instalment in its year; an instalment decision
 * pays (what 就高 left) or records a suspension with 0; a champion award commits and pays at once.
 */
export function nationalGrantLedgerLines(before: NationalGrantState, event: NationalGrantEvent, sourceTitle: string): LedgerLine[] {
  if (before.status === 'none') return [];
  const grant = before;
  const base = {
    measure: grant.measure,
    programme: null,
    creditCode: grant.creditCode,
    project: grant.project,
    sourceId: grant.applicationId,
    sourceTitle,
    issuedFen: 0,
    causedBy: { stream: nationalGrantStreamOf(grant.applicationId), eventType: event.type },
  };
  const counted = (award: SupportDecision) => ({
    sameProjectAs: [...award.sameProjectAs],
    declaredSupportCounted: award.counted.filter((item) => item.declared).map((item) => ({ documentNo: item.ref, paidFen: item.paidFen })),
  });
  switch (event.type) {
    case 'NationalPlatformGrantApproved':
      return event.data.schedule.map((item) => ({
        ...base,
        lineId: `${grant.applicationId}/commitment-${item.instalment}`,
        kind: 'grant-commitment',
        year: item.year,
        entitlementFen: event.data.entitlementFen,
        committedFen: item.amountFen,
        paidFen: 0,
        decision: 'committed',
        basis: `每年 ${yuanText(item.amountFen)},连续 ${event.data.schedule.length} 年`,
        reason: `批准连续支持,第 ${item.instalment} 年度(${item.year}年)安排 ${yuanText(item.amountFen)}`,
        sameProjectAs: [],
        declaredSupportCounted: [],
        decidedAt: event.data.approvedAt,
      }));
    case 'GrantInstalmentDecided':
      return [
        {
          ...base,
          lineId: `${grant.applicationId}/instalment-${event.data.instalment}${event.data.resumed ? '-resumed' : ''}`,
          kind: 'grant-instalment',
          year: event.data.year,
          entitlementFen: grant.entitlementFen,
          committedFen: 0,
          paidFen: event.data.award.paidFen,
          decision: event.data.award.decision,
          basis: `第 ${event.data.instalment} 年度 ${yuanText(event.data.dueFen)},累计标准 ${yuanText(event.data.entitlementSoFarFen)}`,
          reason: `${event.data.resumed ? '恢复拨付。' : ''}${event.data.award.reason}`,
          ...counted(event.data.award),
          decidedAt: event.data.decidedAt,
        },
      ];
    case 'GrantInstalmentSuspended':
      return [
        {
          ...base,
          lineId: `${grant.applicationId}/instalment-${event.data.instalment}-suspended`,
          kind: 'grant-instalment',
          year: event.data.year,
          entitlementFen: grant.entitlementFen,
          committedFen: 0,
          paidFen: 0,
          decision: 'suspended',
          basis: `第 ${event.data.instalment} 年度暂停拨付`,
          reason: `暂停拨付:${event.data.reason}`,
          sameProjectAs: [],
          declaredSupportCounted: [],
          decidedAt: event.data.suspendedAt,
        },
      ];
    case 'NationalChampionAwarded':
      return [
        {
          ...base,
          lineId: `${grant.applicationId}/award`,
          kind: 'one-off-award',
          year: yearOf(shanghaiDate(event.data.awardedAt)),
          entitlementFen: event.data.amountFen,
          committedFen: event.data.award.paidFen,
          paidFen: event.data.award.paidFen,
          decision: event.data.award.decision,
          basis: `一次性奖励 ${yuanText(event.data.amountFen)}(上限 ${yuanText(event.data.capFen)})`,
          reason: event.data.award.reason,
          ...counted(event.data.award),
          decidedAt: event.data.awardedAt,
        },
      ];
    default:
      return [];
  }
}
