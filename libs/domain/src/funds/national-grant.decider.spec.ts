import { foldEvents } from '../shared/decider';
import { givenWhenThen } from '../selection/given-when-then.test-support';
import { creditCode } from '../selection/actors.test-support';
import { admin, applicant, EXTENSION, MEASURES, uploaded, validity, wan } from './funds.test-support';
import { lineOfFundEntry } from './ledger-line';
import type { LedgerLine } from './ledger-line';
import type { NationalGrantCommand } from './national-grant.commands';
import { nationalGrantDecider } from './national-grant.decider';
import type { NationalGrantState } from './national-grant.decider';
import type { NationalGrantEvent } from './national-grant.events';
import { nationalGrantLedgerLines } from './national-grant.ledger';
import { applied, apply, DECLARED_150, PLATFORM, PLATFORM_ORG, selectionEntry } from './national-grant.test-support';

const decider = nationalGrantDecider(MEASURES, validity());
const given = givenWhenThen(decider);
const TITLE = '新获批国家级科技创新平台支持(ng-national-platform)';

const approve = (date = '2026-04-01', ledger: readonly LedgerLine[] = []): NationalGrantCommand => ({ type: 'ApproveNationalPlatformGrant', data: { ledger }, metadata: admin(date) });
const pay = (instalment: number, date: string, ledger: readonly LedgerLine[] = []): NationalGrantCommand => ({ type: 'DecideGrantInstalment', data: { ledger, instalment, outcome: 'pay' }, metadata: admin(date) });
const suspend = (instalment: number, date: string, reason = '年度绩效评价未通过,限期整改'): NationalGrantCommand => ({ type: 'DecideGrantInstalment', data: { ledger: [], instalment, outcome: 'suspend', reason }, metadata: admin(date) });
const award = (amountFen: number, ledger: readonly LedgerLine[] = [], date = '2026-05-01'): NationalGrantCommand => ({ type: 'AwardNationalChampion', data: { ledger, amountFen }, metadata: admin(date) });

/** Runs commands in order on a history, collecting the events and the ledger lines they make. */
function run(history: NationalGrantEvent[], commands: readonly ((lines: LedgerLine[]) => NationalGrantCommand)[], ledger: LedgerLine[] = []) {
  const lines = [...ledger];
  const events = [...history];
  for (const make of commands) {
    const before: NationalGrantState = foldEvents(decider, events);
    const produced = decider.decide(make(lines), before);
    for (const event of produced) {
      lines.push(...nationalGrantLedgerLines(foldEvents(decider, events), event, TITLE));
      events.push(event);
    }
  }
  return { events, lines, state: foldEvents(decider, events) };
}

describe('新获批的国家级科技创新平台: 500 万元 a year for three consecutive years (附件5 三)', () => {
  const platform = applied(apply('national-platform'));

  it('given an application with its approval document, when the admin approves, then the schedule is the year of approval and the two after', () => {
    given([platform]).when(approve()).then([
      {
        type: 'NationalPlatformGrantApproved',
        data: {
          applicationId: 'ng-national-platform',
          schedule: [
            { instalment: 1, year: 2026, amountFen: wan(500) },
            { instalment: 2, year: 2027, amountFen: wan(500) },
            { instalment: 3, year: 2028, amountFen: wan(500) },
          ],
          entitlementFen: wan(1_500),
          approvedAt: '2026-04-01T02:00:00.000Z',
        },
      },
    ]);
  });

  it('the three-year schedule with a suspension: year 2 suspended with its reason, paid later when resumed, year 3 in its year', () => {
    const { lines, state } = run([platform], [() => approve(), (l) => pay(1, '2026-04-02', l), () => suspend(2, '2027-03-01'), (l) => pay(2, '2027-09-01', l), (l) => pay(3, '2028-03-01', l)]);
    expect(state.status === 'approved' && state.instalments.map((item) => [item.year, item.status, item.paidFen])).toEqual([
      [2026, 'paid', wan(500)],
      [2027, 'paid', wan(500)],
      [2028, 'paid', wan(500)],
    ]);
    expect(lines.map((line) => [line.lineId, line.year, line.committedFen, line.paidFen, line.decision])).toEqual([
      ['ng-national-platform/commitment-1', 2026, wan(500), 0, 'committed'],
      ['ng-national-platform/commitment-2', 2027, wan(500), 0, 'committed'],
      ['ng-national-platform/commitment-3', 2028, wan(500), 0, 'committed'],
      ['ng-national-platform/instalment-1', 2026, 0, wan(500), 'paid'],
      ['ng-national-platform/instalment-2-suspended', 2027, 0, 0, 'suspended'],
      ['ng-national-platform/instalment-2-resumed', 2027, 0, wan(500), 'paid'],
      ['ng-national-platform/instalment-3', 2028, 0, wan(500), 'paid'],
    ]);
    expect(lines[4].reason).toBe('暂停拨付:年度绩效评价未通过,限期整改');
    expect(lines[5].reason).toMatch(/^恢复拨付。/);
  });

  it('a suspended year that stays suspended is not paid by the next one: year 3 pays its own 500 万', () => {
    const { state } = run([platform], [() => approve(), (l) => pay(1, '2026-04-02', l), () => suspend(2, '2027-03-01'), (l) => pay(3, '2028-03-01', l)]);
    expect(state.status === 'approved' && state.instalments.map((item) => [item.status, item.paidFen])).toEqual([
      ['paid', wan(500)],
      ['suspended', 0],
      ['paid', wan(500)],
    ]);
  });

  it('refuses a year before it is due, out of order, twice, a suspension without reason, a second suspension and an unknown year', () => {
    const approvedHistory = run([platform], [() => approve()]).events;
    given(approvedHistory).when(pay(2, '2027-03-01')).thenRefused('instalment-out-of-order', '请先决定第 1 年度');
    given(approvedHistory).when(pay(4, '2027-03-01')).thenRefused('instalment-not-found');
    const paidOne = run(approvedHistory, [(l) => pay(1, '2026-04-02', l)]).events;
    given(paidOne).when(pay(1, '2026-05-02')).thenRefused('instalment-already-paid');
    given(paidOne).when(pay(2, '2026-12-31')).thenRefused('instalment-not-due', '须在 2027 年内或之后决定');
    given(paidOne).when(suspend(2, '2027-03-01', ' ')).thenRefused('reason-required');
    const suspended = run(paidOne, [() => suspend(2, '2027-03-01')]).events;
    given(suspended).when(suspend(2, '2027-04-01')).thenRefused('instalment-already-suspended');
    given([platform]).when(pay(1, '2026-04-02')).thenRefused('national-grant-not-approved');
    given(paidOne).when({ type: 'DecideGrantInstalment', data: { ledger: [], instalment: 2, outcome: 'later' as 'pay' }, metadata: admin('2027-03-01') }).thenRefused('invalid-outcome');
  });

  it('validity: a grant approved in 2027 cannot pay its third year (2029) after 2028-10-26, unless the extending document is recorded', () => {
    const late = applied(apply('national-platform', '2027-02-01'));
    const history = run([late], [() => approve('2027-03-01'), (l) => pay(1, '2027-03-02', l), (l) => pay(2, '2028-03-01', l)]).events;
    given(history).when(pay(3, '2029-03-01')).thenRefused('outside-policy-validity', '第 3 年度(2029年)拨付的日期 2029-03-01 不在政策有效期 2025-10-27 至 2028-10-26 内');
    const extended = givenWhenThen(nationalGrantDecider(MEASURES, validity([EXTENSION])));
    expect(extended(history).when(pay(3, '2029-03-01')).events()[0]).toMatchObject({ type: 'GrantInstalmentDecided', data: { year: 2029, award: { paidFen: wan(500) } } });
  });

  it('validity: an approval document dated before the policy was published is not 新获批 under it', () => {
    const old = apply('national-platform');
    given([]).when({ ...old, data: { ...old.data, approvalDocument: { ...old.data.approvalDocument, approvedOn: '2025-06-30' } } }).thenRefused('outside-policy-validity', '国家级认定获批');
    given([]).when(apply('national-platform', '2025-10-26')).thenRefused('outside-policy-validity');
  });

  it('the same platform is not granted twice', () => {
    const earlier = run([platform], [() => approve()]).lines;
    const second = applied({ ...apply('national-platform'), data: { ...apply('national-platform').data, applicationId: 'ng-again' } });
    given([second]).when(approve('2026-06-01', earlier)).thenRefused('national-platform-already-granted', '不予重复支持');
  });

  it('refuses an application by another organisation, a broken one, a second one and decisions by non-admins or on the wrong measure', () => {
    const own = apply('national-platform');
    given([]).when({ ...own, metadata: applicant(creditCode(602), '2026-03-02') }).thenRefused('forbidden');
    const broken = { ...own, data: { ...own.data, organisationName: ' ', project: { projectCode: null, title: '' }, approvalDocument: { documentNo: '', issuer: '', approvedOn: '2026-02-30', file: uploaded('support-document') } } };
    const problems = given([]).when(broken).thenRefused('invalid-national-grant').details?.problems;
    expect(problems).toHaveLength(6);
    expect(problems).toContain('approvalDocument.documentId:所选文件是其他支持文件,此处须上传国家级认定文件');
    const unfinished = { ...own, data: { ...own.data, approvalDocument: { ...own.data.approvalDocument, file: { ...uploaded('approval-document'), sizeBytes: 0 } } } };
    given([]).when(unfinished).thenRefused('invalid-national-grant', '国家级认定文件未完成上传');
    given([]).when({ ...own, data: { ...own.data, measure: 'lottery' as 'national-platform' } }).thenRefused('invalid-national-grant', 'national-platform');
    given([]).when(apply('national-platform', '2026-03-02', [{ ...DECLARED_150, paidFen: 0, file: { ...uploaded('support-document'), sha256: '' } }, DECLARED_150, DECLARED_150])).thenRefused('invalid-declared-support', '重复申报');
    given([platform]).when(own).thenRefused('national-grant-exists');
    given([platform]).when({ ...approve(), metadata: applicant(PLATFORM_ORG, '2026-04-01') }).thenRefused('forbidden');
    given([platform]).when(award(wan(100))).thenRefused('wrong-measure');
    given([]).when(approve()).thenRefused('national-grant-not-found');
    given([platform]).when({ type: 'RejectNationalGrant', data: { reason: ' ' }, metadata: admin('2026-04-01') }).thenRefused('reason-required');
    const rejected = given([platform]).when({ type: 'RejectNationalGrant', data: { reason: '认定文件与单位不符' }, metadata: admin('2026-04-01') }).events();
    given([platform, ...rejected]).when(approve()).thenRefused('national-grant-decided', '不予支持');
    expect(nationalGrantLedgerLines(decider.initialState(), rejected[0], TITLE)).toEqual([]);
    expect(nationalGrantLedgerLines(foldEvents(decider, [platform]), rejected[0], TITLE)).toEqual([]);
  });
});

describe('新获批人工智能领域国家级单项冠军企业: a one-off award of at most 100 万元 (附件5 五)', () => {
  const CHAMPION = { projectCode: null, title: '工业视觉检测系统' } as unknown as typeof PLATFORM;
  const champion = applied(apply('national-champion', '2026-03-02', [], PLATFORM_ORG, CHAMPION));

  it('given an application, when the admin awards at most the cap, then it is paid once and becomes one ledger line that commits and pays', () => {
    const { events, lines } = run([champion], [(l) => award(wan(80), l)]);
    expect(events[1]).toMatchObject({ type: 'NationalChampionAwarded', data: { amountFen: wan(80), capFen: wan(100), award: { paidFen: wan(80), decision: 'paid' } } });
    expect(lines.map((line) => [line.kind, line.year, line.committedFen, line.paidFen, line.entitlementFen])).toEqual([['one-off-award', 2026, wan(80), wan(80), wan(80)]]);
  });

  it('refuses more than 100 万元, nothing, and a second award to the same enterprise', () => {
    given([champion]).when(award(wan(100) + 1)).thenRefused('one-off-over-cap', '给予一次性最高100万元的奖励');
    given([champion]).when(award(0)).thenRefused('invalid-amount');
    const first = run([champion], [(l) => award(wan(100), l)]);
    given(first.events).when(award(wan(100))).thenRefused('national-grant-decided');
    const another = applied({ ...apply('national-champion', '2026-03-02', [], PLATFORM_ORG, CHAMPION), data: { ...apply('national-champion', '2026-03-02', [], PLATFORM_ORG, CHAMPION).data, applicationId: 'ng-2' } });
    given([another]).when(award(wan(50), first.lines, '2027-05-01')).thenRefused('one-off-already-awarded', '不予重复奖励');
  });
});

describe('不重复享受 / 就高原则 across measures and years (算力券政策除外)', () => {
  it('given 150 万 declared from another provincial measure, the platform tops up: 350 万, 500 万, 500 万 — 1,500 万 in all', () => {
    const platform = applied(apply('national-platform', '2026-03-02', [DECLARED_150]));
    const { lines } = run([platform], [() => approve(), (l) => pay(1, '2026-04-02', l), (l) => pay(2, '2027-03-01', l), (l) => pay(3, '2028-03-01', l)]);
    const paid = lines.filter((line) => line.kind === 'grant-instalment');
    expect(paid.map((line) => [line.paidFen, line.decision])).toEqual([
      [wan(350), 'top-up'],
      [wan(500), 'paid'],
      [wan(500), 'paid'],
    ]);
    expect(paid[0].reason).toBe('就高原则:已于《省科技创新平台建设专项(湘财教〔2026〕3号(示例))》获支持 1,500,000.00 元,按较高标准 5,000,000.00 元 补差 3,500,000.00 元');
    expect(paid[0].declaredSupportCounted).toEqual([{ documentNo: DECLARED_150.documentNo, paidFen: wan(150) }]);
    expect(paid.reduce((sum, line) => sum + line.paidFen, 0) + DECLARED_150.paidFen).toBe(wan(1_500));
  });

  it('given the same project awarded 100 万 by a selection the year before, the one-off champion award of 80 万 is not paid, with the reason', () => {
    const project = { projectCode: 'GJPT-2026-01', title: PLATFORM.title };
    const champion = applied(apply('national-champion', '2026-03-02', [], PLATFORM_ORG, project));
    const ledger = [lineOfFundEntry(selectionEntry(wan(100), 2025))];
    const { lines } = run([champion], [(l) => award(wan(80), l)], ledger);
    expect(lines[1]).toMatchObject({ paidFen: 0, committedFen: 0, decision: 'not-paid', sameProjectAs: ['innovative-product-2025/ds-9'] });
    expect(lines[1].reason).toBe('不重复享受:已于《2025年湖南省“人工智能+”软硬件创新产品评选》获支持 1,000,000.00 元,不低于本项支持标准 800,000.00 元,本次不予重复支持');
  });

  it('算力券, other organisations, other projects and support decided before the policy are not counted', () => {
    const project = { projectCode: 'GJPT-2026-01', title: PLATFORM.title };
    const champion = applied(apply('national-champion', '2026-03-02', [{ ...DECLARED_150, receivedOn: '2024-01-01' }], PLATFORM_ORG, project));
    const other = lineOfFundEntry(selectionEntry(wan(100), 2025, { projectCode: 'OTHER-1', title: '另一个项目' }));
    const otherOrg = lineOfFundEntry(selectionEntry(wan(100), 2025, project, creditCode(699)));
    const before = { ...lineOfFundEntry(selectionEntry(wan(100), 2025)), decidedAt: '2025-10-01T02:00:00.000Z' };
    const voucher: LedgerLine = { ...lineOfFundEntry(selectionEntry(wan(100), 2026)), lineId: 'v', measure: 'compute-voucher', sourceId: 'compute-voucher-2026/c' };
    const { lines } = run([champion], [(l) => award(wan(80), l)], [other, otherOrg, before, voucher]);
    expect(lines.at(-1)).toMatchObject({ paidFen: wan(80), decision: 'paid', reason: '该项目未获其他同类支持,按标准支持 800,000.00 元' });
  });

  it('a code and a title that point different ways hold the decision until the admin declares the pair', () => {
    const champion = applied(apply('national-champion', '2026-03-02', [], PLATFORM_ORG, { projectCode: 'GJPT-2026-01', title: '别的名称' }));
    const ledger = [lineOfFundEntry(selectionEntry(wan(100), 2025))];
    given([champion]).when(award(wan(80), ledger)).thenRefused('project-identity-unclear', 'identityDeclarations');
    const declared: NationalGrantCommand = { type: 'AwardNationalChampion', data: { ledger, amountFen: wan(80), identityDeclarations: [{ dossierId: 'ng-national-champion', otherDossierId: 'innovative-product-2025/ds-9', sameProject: false }] }, metadata: admin('2026-05-01') };
    expect(given([champion]).when(declared).events()[0]).toMatchObject({ data: { award: { paidFen: wan(80), decision: 'paid' } } });
  });

  it('two supports counted are listed with their total', () => {
    const project = { projectCode: 'GJPT-2026-01', title: PLATFORM.title };
    const champion = applied(apply('national-champion', '2026-03-02', [{ ...DECLARED_150, paidFen: wan(30) }], PLATFORM_ORG, project));
    const { lines } = run([champion], [(l) => award(wan(100), l)], [lineOfFundEntry(selectionEntry(wan(50), 2025))]);
    expect(lines.at(-1)).toMatchObject({ paidFen: wan(20), decision: 'top-up' });
    expect(lines.at(-1)?.reason).toContain(',合计 800,000.00 元');
  });
});
