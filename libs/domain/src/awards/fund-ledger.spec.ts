import { asAdmin, asApplicant, asSystem, creditCode } from '../selection/actors.test-support';
import { givenWhenThen } from '../selection/given-when-then.test-support';
import { FundCommand, FundEntry, FundEvent, fundDecider, fundPeriodOf, fundStreamOf } from './fund-ledger';

const given = givenWhenThen(fundDecider);
const CODE = creditCode(401);

function entry(overrides: Partial<FundEntry> = {}): FundEntry {
  return {
    entryId: 'vertical-model-2026/vm-1',
    measure: 'selection-award',
    programme: 'vertical-model',
    year: 2026,
    selectionId: 'vertical-model-2026',
    selectionTitle: '2026年湖南省“人工智能+”人工智能垂类大模型评选',
    dossierId: 'vm-1',
    applicantCreditCode: CODE,
    project: { projectCode: null, title: '智慧港口', projectKey: `${CODE}|title:智慧港口` },
    sameProjectAs: [],
    declaredDifferentFrom: [],
    standard: { rateBasisPoints: 2000, approvedInvestmentFen: 300_000_000, capFen: 100_000_000, standardFen: 60_000_000 },
    paidFen: 60_000_000,
    decision: 'paid',
    reason: '该项目未获其他同类支持,按标准支持 600,000.00 元',
    decidedAt: '2026-05-11T02:00:00.000Z',
    ...overrides,
  };
}
const record = (data: FundEntry, metadata = asSystem()): FundCommand => ({ type: 'RecordFundEntry', data: { entry: data }, metadata });
const recorded = (data: FundEntry): FundEvent => ({ type: 'FundEntryRecorded', data });

const topUp = entry({
  entryId: 'demo-scenario-2026/ds-1',
  programme: 'demo-scenario',
  selectionId: 'demo-scenario-2026',
  dossierId: 'ds-1',
  sameProjectAs: [{ entryId: 'vertical-model-2026/vm-1', basis: 'title' }],
  standard: { rateBasisPoints: 2000, approvedInvestmentFen: 800_000_000, capFen: 200_000_000, standardFen: 160_000_000 },
  paidFen: 100_000_000,
  decision: 'top-up',
});

describe('the fund ledger of an organisation (fund-{creditCode}-{period})', () => {
  it('is one stream per organisation and three-year period of the plan', () => {
    expect([2025, 2026, 2027, 2028].map((year) => fundPeriodOf(year))).toEqual([
      { from: 2025, to: 2027 },
      { from: 2025, to: 2027 },
      { from: 2025, to: 2027 },
      { from: 2028, to: 2030 },
    ]);
    expect(fundStreamOf(CODE.toLowerCase(), 2026)).toBe(`fund-${CODE}-2025to2027`);
  });

  it('given nothing, when an award is recorded, then it is the first entry', () => {
    given([]).when(record(entry())).then([recorded(entry())]);
  });

  it('given an earlier award of the project, when a top-up brings the year to the higher standard, then it is recorded', () => {
    given([recorded(entry())]).when(record(topUp)).then([recorded(topUp)]);
  });

  it('given an earlier award of the project, when an entry would pay beyond the higher standard, then it is refused (就高原则)', () => {
    given([recorded(entry())])
      .when(record({ ...topUp, paidFen: 160_000_000, decision: 'paid' }))
      .thenRefused('non-duplication-breached', '超过最高标准');
  });

  it('refuses the same award twice, an unknown earlier entry, another organisation and an applicant', () => {
    given([recorded(entry())]).when(record(entry())).thenRefused('fund-entry-exists');
    given([]).when(record(topUp)).thenRefused('fund-entry-unknown');
    given([recorded(entry())]).when(record({ ...topUp, sameProjectAs: [], applicantCreditCode: creditCode(402) })).thenRefused('fund-ledger-mismatch');
    given([]).when(record(entry(), asApplicant(CODE))).thenRefused('forbidden');
    given([]).when(record(entry(), asAdmin())).then([recorded(entry())]);
  });
});
