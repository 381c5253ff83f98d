import { givenWhenThen } from '../selection/given-when-then.test-support';
import { asAdmin, asApplicant, asSystem } from '../selection/actors.test-support';
import type { FundEvent } from '../awards/fund-ledger';
import { wan } from './funds.test-support';
import { ledgerLinesOf, lineOfFundEntry, organisationLedgerDecider } from './ledger-line';
import type { FundLineCommand, FundLineEvent, LedgerLine } from './ledger-line';
import { PLATFORM, PLATFORM_ORG, selectionEntry } from './national-grant.test-support';

const given = givenWhenThen(organisationLedgerDecider);
const award: FundEvent = { type: 'FundEntryRecorded', data: selectionEntry(wan(100), 2026) };

function line(overrides: Partial<LedgerLine> = {}): LedgerLine {
  return {
    lineId: 'ng-1/award',
    kind: 'one-off-award',
    measure: 'national-champion',
    programme: null,
    year: 2026,
    creditCode: PLATFORM_ORG,
    project: PLATFORM,
    sourceId: 'ng-1',
    sourceTitle: '国家级单项冠军企业奖励(ng-1)',
    entitlementFen: wan(100),
    committedFen: wan(100),
    issuedFen: 0,
    paidFen: wan(100),
    decision: 'paid',
    basis: '一次性奖励',
    reason: '按标准支持',
    sameProjectAs: [],
    declaredSupportCounted: [],
    causedBy: { stream: 'national-grant-ng-1', eventType: 'NationalChampionAwarded' },
    decidedAt: '2026-05-01T02:00:00.000Z',
    ...overrides,
  };
}
const record = (lines: LedgerLine[], metadata = asSystem()): FundLineCommand => ({ type: 'RecordFundLines', data: { lines }, metadata });
const recorded = (data: LedgerLine): FundLineEvent => ({ type: 'FundLineRecorded', data });

describe('one fund ledger per organisation and period: selection awards and every other measure', () => {
  it('reads a selection award entry (FundEntryRecorded) as a line that commits and pays its amount', () => {
    expect(ledgerLinesOf([award, recorded(line())]).map((l) => [l.lineId, l.measure, l.sourceId, l.committedFen, l.paidFen, l.entitlementFen])).toEqual([
      ['innovative-product-2026/ds-9', 'selection-award', 'innovative-product-2026/ds-9', wan(100), wan(100), wan(100)],
      ['ng-1/award', 'national-champion', 'ng-1', wan(100), wan(100), wan(100)],
    ]);
    expect(lineOfFundEntry(award.data)).toMatchObject({ programme: 'innovative-product', causedBy: { stream: 'selection-innovative-product-2026', eventType: 'AwardsDecided' } });
  });

  it('given nothing, when the lines of a decision are recorded, then each is one event', () => {
    given([]).when(record([line(), line({ lineId: 'ng-1/other', paidFen: 0, committedFen: 0 })])).then([recorded(line()), recorded(line({ lineId: 'ng-1/other', paidFen: 0, committedFen: 0 }))]);
  });

  it('given a selection award of the project, when a line would bring it above the higher standard, then it is refused (就高原则); a top-up to it is recorded', () => {
    given([award]).when(record([line({ sameProjectAs: ['innovative-product-2026/ds-9'], entitlementFen: wan(150), committedFen: wan(60), paidFen: wan(60) })])).thenRefused('non-duplication-breached', '超过最高标准');
    given([award]).when(record([line({ sameProjectAs: ['innovative-product-2026/ds-9'], entitlementFen: wan(150), committedFen: wan(50), paidFen: wan(50), decision: 'top-up' })])).events();
    given([award]).when(record([line({ declaredSupportCounted: [{ documentNo: 'x', paidFen: wan(10) }], entitlementFen: wan(100) })])).thenRefused('non-duplication-breached');
  });

  it('算力券 lines are outside 不重复享受, but never issue or pay more than committed', () => {
    const voucher = (overrides: Partial<LedgerLine>) =>
      line({ measure: 'compute-voucher', kind: 'voucher-allocation', sourceId: 'compute-voucher-2026/c-1', entitlementFen: wan(300), committedFen: 0, paidFen: 0, sameProjectAs: ['innovative-product-2026/ds-9'], ...overrides });
    const allocation = voucher({ lineId: 'a', committedFen: wan(300) });
    given([award]).when(record([allocation, voucher({ lineId: 't', issuedFen: wan(300) }), voucher({ lineId: 'r', paidFen: wan(300) })])).events();
    given([award, recorded(allocation)]).when(record([voucher({ lineId: 't', issuedFen: wan(301) })])).thenRefused('voucher-over-issued');
    given([award, recorded(allocation)]).when(record([voucher({ lineId: 'r', paidFen: wan(301) })])).thenRefused('fund-overpaid');
  });

  it('refuses a line twice, of another organisation or period, with a bad amount, or written by an applicant', () => {
    given([recorded(line())]).when(record([line()])).thenRefused('fund-line-exists');
    given([award]).when(record([line({ creditCode: '91430100000000001X' })])).thenRefused('fund-ledger-mismatch');
    given([award]).when(record([line({ year: 2028 })])).thenRefused('fund-ledger-period');
    given([]).when(record([line({ paidFen: -1 })])).thenRefused('invalid-fund-line');
    given([]).when(record([line()], asApplicant(PLATFORM_ORG))).thenRefused('forbidden');
    given([]).when(record([line()], asAdmin())).events();
  });
});
