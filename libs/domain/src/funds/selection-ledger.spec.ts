import { earlierAwardsOfLedger, entryIdOf, fundDecider } from '../awards/fund-ledger';
import type { FundEntry, FundEvent } from '../awards/fund-ledger';
import { foldEvents } from '../shared/decider';
import { asSystem } from '../selection/actors.test-support';
import { givenWhenThen } from '../selection/given-when-then.test-support';
import { wan } from './funds.test-support';
import type { FundLineEvent, LedgerLine } from './ledger-line';
import { PLATFORM, PLATFORM_ORG, selectionEntry } from './national-grant.test-support';

/**
 * The selection awards (issue 12) read the same fund stream: the lines of the other measures must
 * not break their fold, and what those measures paid for the project counts as an earlier award.
 */
const champion: LedgerLine = {
  lineId: 'ng-1/award',
  kind: 'one-off-award',
  measure: 'national-champion',
  programme: null,
  year: 2026,
  creditCode: PLATFORM_ORG,
  project: PLATFORM,
  sourceId: 'ng-1',
  sourceTitle: '新获批人工智能领域国家级单项冠军企业奖励(ng-1)',
  entitlementFen: wan(80),
  committedFen: wan(80),
  issuedFen: 0,
  paidFen: wan(80),
  decision: 'paid',
  basis: '一次性奖励',
  reason: '按标准支持',
  sameProjectAs: [],
  declaredSupportCounted: [],
  causedBy: { stream: 'national-grant-ng-1', eventType: 'NationalChampionAwarded' },
  decidedAt: '2026-05-01T02:00:00.000Z',
};
const voucherLine: LedgerLine = { ...champion, lineId: 'compute-voucher-2026/c-1/redemption-1', measure: 'compute-voucher', kind: 'voucher-redemption', sourceId: 'compute-voucher-2026/c-1' };
const stream = [
  { type: 'FundLineRecorded', data: champion },
  { type: 'FundLineRecorded', data: voucherLine },
] as const satisfies readonly FundLineEvent[];
const history = stream as unknown as FundEvent[]; // as the selection path loads the stream

describe('the selection awards read the one ledger', () => {
  it('given a one-off award and a voucher redemption in the stream, then the selection rule sees the award (not the voucher) as an earlier award of the project', () => {
    const ledger = foldEvents(fundDecider, history);
    expect(earlierAwardsOfLedger(ledger)).toEqual([
      {
        selectionId: 'ng-1',
        selectionTitle: champion.sourceTitle,
        programme: 'national-champion',
        year: 2026,
        dossierId: 'award',
        applicantCreditCode: PLATFORM_ORG,
        projectCode: PLATFORM.projectCode,
        title: PLATFORM.title,
        standardFen: wan(80),
        paidFen: wan(80),
      },
    ]);
  });

  it('given that award, when a selection award of the same project tops up to its higher standard, then it is recorded; beyond it, refused', () => {
    const given = givenWhenThen(fundDecider);
    const [earlier] = earlierAwardsOfLedger(foldEvents(fundDecider, history));
    const topUp: FundEntry = {
      ...selectionEntry(wan(20), 2026),
      sameProjectAs: [{ entryId: entryIdOf(earlier.selectionId, earlier.dossierId), basis: 'code' }],
      standard: { rateBasisPoints: 2000, approvedInvestmentFen: wan(500), capFen: wan(100), standardFen: wan(100) },
      decision: 'top-up',
    };
    given(history).when({ type: 'RecordFundEntry', data: { entry: topUp }, metadata: asSystem() }).then([{ type: 'FundEntryRecorded', data: topUp }]);
    given(history).when({ type: 'RecordFundEntry', data: { entry: { ...topUp, paidFen: wan(21) } }, metadata: asSystem() }).thenRefused('non-duplication-breached');
  });
});
