import { foldEvents } from '../shared/decider';
import { givenWhenThen } from '../selection/given-when-then.test-support';
import { voucherBalances, voucherCallDecider } from './compute-voucher.decider';
import { approved, ENTERPRISE, invoice, opened, openCall, submit, submitted, VALIDITY } from './compute-voucher.test-support';
import type { OpenCall } from './compute-voucher.test-support';
import type { VoucherCallCommand } from './compute-voucher.commands';
import type { VoucherCallEvent } from './compute-voucher.events';
import { voucherLedgerLines } from './compute-voucher.ledger';
import { admin, applicant, at, EXTENSION, MEASURES, uploaded, validity, wan } from './funds.test-support';

const decider = voucherCallDecider(MEASURES.voucher, VALIDITY);
const given = givenWhenThen(decider);
const [A, B, C] = ENTERPRISE;
const allocate = (date = '2026-05-10'): VoucherCallCommand => ({ type: 'AllocateVouchers', data: {}, metadata: admin(date) });

/** Three enterprises asking 1,000 万 (cap), 600 万 and 300 万 from a budget of 1,500 万. */
function threeClaims(rule: 'first-come' | 'pro-rata'): VoucherCallEvent[] {
  return [
    opened(rule, wan(1_500)),
    submitted('c-b', B, wan(2_000), '2026-03-05'),
    submitted('c-a', A, wan(5_000), '2026-03-02'),
    submitted('c-c', C, wan(1_000), '2026-03-09'),
    approved('c-a', wan(5_000)),
    approved('c-b', wan(2_000)),
    approved('c-c', wan(1_000)),
  ];
}

describe('a year of 算力券 (附件5 一, stream compute-voucher-{year})', () => {
  it('given nothing, when the admin opens the call with its allocation rule, then the budget defaults to the 1 亿元 of the measure', () => {
    const { budgetFen: _omitted, ...data } = openCall('first-come').data;
    given([]).when({ ...openCall('first-come'), data }).then([opened('first-come', wan(10_000))]);
  });

  it('refuses a call outside the policy validity, unless an admin recorded the extending document', () => {
    const late: OpenCall = { type: 'OpenVoucherCall', data: { year: 2029, allocationRule: 'pro-rata', claimsOpenOn: '2029-03-01', claimsCloseOn: '2029-04-30' }, metadata: admin('2029-02-01') };
    given([]).when(late).thenRefused('outside-policy-validity', '发布算力券申报通知的日期 2029-02-01 不在政策有效期');
    const extended = givenWhenThen(voucherCallDecider(MEASURES.voucher, validity([EXTENSION])));
    expect(extended([]).when(late).events()[0].type).toBe('VoucherCallOpened');
    const window: OpenCall = { ...late, data: { ...late.data, year: 2028, claimsOpenOn: '2028-09-01', claimsCloseOn: '2028-12-31' }, metadata: admin('2028-08-01') };
    given([]).when(window).thenRefused('outside-policy-validity', '算力券申报截止的日期 2028-12-31');
  });

  it('refuses a call with bad figures, twice, by a non-admin or ending in the past', () => {
    given([]).when({ ...openCall('first-come'), data: { ...openCall('first-come').data, budgetFen: wan(20_000), claimsCloseOn: '2027-01-01' } }).thenRefused('invalid-voucher-call', '年度预算须为');
    given([opened('first-come')]).when(openCall('first-come')).thenRefused('voucher-call-exists');
    given([]).when({ ...openCall('pro-rata'), metadata: applicant(A, '2026-02-20') }).thenRefused('forbidden');
    given([]).when({ ...openCall('pro-rata'), metadata: admin('2026-05-01') }).thenRefused('voucher-call-in-past');
  });

  it('given an open call, when an enterprise claims with its invoices and every attachment, then the claim is complete at that moment', () => {
    given([opened('first-come')]).when(submit('c-a', A, wan(200))).then([submitted('c-a', A, wan(200))]);
  });

  it('refuses an incomplete claim naming what is missing, a second claim of the year, invoices outside the year, and claims outside the window', () => {
    const incomplete = submit('c-a', A, wan(200));
    given([opened('first-come')]).when({ ...incomplete, data: { ...incomplete.data, attachments: [] } }).thenRefused('voucher-claim-incomplete', '缺少:算力服务发票、算力服务合同、诚信承诺书');
    given([opened('first-come'), submitted('c-a', A, wan(200))]).when(submit('c-a2', A, wan(100))).thenRefused('voucher-claim-exists', '每家企业每年申报一次');
    given([opened('first-come'), submitted('c-a', A, wan(200))]).when(submit('c-a', B, wan(100))).thenRefused('voucher-claim-exists');
    const badInvoices = { ...incomplete.data, organisationName: ' ', invoices: [{ ...invoice(wan(10)), periodTo: '2027-01-31' }, invoice(0), { ...invoice(5, ''), provider: '', periodFrom: '2026-04-01', periodTo: '2026-03-01' }] };
    const refusal = given([opened('first-come')]).when({ ...incomplete, data: badInvoices }).thenRefused('invalid-voucher-claim');
    expect(refusal.details?.problems).toEqual([
      'invoices[0].period:服务期间 2026-01-01 至 2027-01-31 不在 2026 年度内,只计本年度算力支出',
      'invoices[1].invoiceNo:发票 INV-1 重复填写',
      'invoices[1].amountFen:发票金额须为正整数分',
      'invoices[2].invoiceNo:请填写发票号码',
      'invoices[2].provider:请填写算力服务提供方',
      'invoices[2].period:服务期间须为 YYYY-MM-DD 且起始不晚于结束',
      'organisationName:请填写单位名称',
    ]);
    given([opened('first-come')]).when({ ...incomplete, data: { ...incomplete.data, invoices: [] } }).thenRefused('invalid-voucher-claim', '请至少填写一张');
    given([opened('first-come')]).when(submit('c-a', A, wan(200), '2026-02-27')).thenRefused('voucher-claims-not-open', '2026-03-01');
    given([opened('first-come')]).when(submit('c-a', A, wan(200), '2026-05-01')).thenRefused('voucher-claims-closed', '2026-04-30');
    given([opened('first-come')]).when({ ...incomplete, metadata: applicant(B, '2026-03-10') }).thenRefused('forbidden');
    given([]).when(incomplete).thenRefused('voucher-call-not-found');
    const notUploaded = incomplete.data.attachments.map((attachment, index) => (index === 1 ? { ...attachment, sha256: 'x' } : attachment));
    given([opened('first-come')]).when({ ...incomplete, data: { ...incomplete.data, attachments: notUploaded } }).thenRefused('invalid-voucher-claim', 'attachments[1]:算力服务合同未完成上传');
    const foreignKind = [...incomplete.data.attachments, uploaded('approval-document')];
    given([opened('first-come')]).when({ ...incomplete, data: { ...incomplete.data, attachments: foreignKind } }).thenRefused('invalid-voucher-claim', 'attachments[3]:国家级认定文件不是算力券申报的材料');
  });

  it('given a claim, when the admin approves its eligible spend, then the standard is min(30 %, cap); more than the invoices or a second review is refused', () => {
    const history = [opened('first-come'), submitted('c-a', A, wan(200))];
    given(history).when({ type: 'ApproveVoucherClaim', data: { claimId: 'c-a', eligibleSpendFen: wan(150) }, metadata: admin('2026-05-06') }).then([approved('c-a', wan(150))]);
    given(history).when({ type: 'ApproveVoucherClaim', data: { claimId: 'c-a', eligibleSpendFen: wan(201) }, metadata: admin('2026-05-06') }).thenRefused('eligible-spend-above-invoices');
    given([...history, approved('c-a', wan(150))]).when({ type: 'RejectVoucherClaim', data: { claimId: 'c-a', reason: '发票不符' }, metadata: admin('2026-05-06') }).thenRefused('voucher-claim-reviewed');
    given(history).when({ type: 'ApproveVoucherClaim', data: { claimId: 'nope', eligibleSpendFen: 1 }, metadata: admin('2026-05-06') }).thenRefused('voucher-claim-not-found');
    given(history).when({ type: 'RejectVoucherClaim', data: { claimId: 'c-a', reason: ' ' }, metadata: admin('2026-05-06') }).thenRefused('reason-required');
    const rejected = given(history).when({ type: 'RejectVoucherClaim', data: { claimId: 'c-a', reason: '发票为上年度' }, metadata: admin('2026-05-06') }).events();
    expect(rejected).toEqual([{ type: 'VoucherClaimRejected', data: { claimId: 'c-a', reason: '发票为上年度', rejectedAt: at('2026-05-06') } }]);
    // a rejected enterprise may claim again
    given([...history, ...rejected]).when(submit('c-a2', A, wan(100), '2026-04-01')).events();
  });

  it('budget exhaustion, first come by complete submission: A (first) and B in full, C gets what is left', () => {
    const [event] = given(threeClaims('first-come')).when(allocate()).events();
    if (event.type !== 'VouchersAllocated') throw new Error('expected VouchersAllocated');
    expect(event.data.allocations.map((line) => [line.claimId, line.standardFen, line.grantedFen, line.decision])).toEqual([
      ['c-a', wan(1_000), wan(1_000), 'granted'],
      ['c-b', wan(600), wan(500), 'reduced'],
      ['c-c', wan(300), 0, 'not-granted'],
    ]);
    expect(event.data).toMatchObject({ round: 1, rule: 'first-come', budgetFen: wan(1_500), committedBeforeFen: 0 });
    expect(event.data.allocations[2].reason).toBe('按完整提交申报的先后顺序(第 3 位),年度算力券预算已用完,本次不予安排(分配规则:按完整提交申报的先后顺序)');
  });

  it('budget exhaustion, pro rata: everyone gets 1,500 / 1,900 of the standard, exactly the budget', () => {
    const [event] = given(threeClaims('pro-rata')).when(allocate()).events();
    if (event.type !== 'VouchersAllocated') throw new Error('expected VouchersAllocated');
    const granted = event.data.allocations.map((line) => line.grantedFen);
    expect(granted.reduce((a, b) => a + b, 0)).toBe(wan(1_500));
    expect(granted).toEqual([789_473_684, 473_684_211, 236_842_105]);
    expect(event.data.allocations.every((line) => line.decision === 'reduced' && line.reason.includes('按核定补贴额同比例'))).toBe(true);
  });

  it('pro rata waits for the window to close and for every claim to be reviewed; nothing approved is refused', () => {
    given(threeClaims('pro-rata')).when(allocate('2026-04-30')).thenRefused('voucher-claims-still-open');
    given([...threeClaims('pro-rata'), submitted('c-d', 'X', 1)]).when(allocate()).thenRefused('voucher-claims-unreviewed', 'c-d');
    given([opened('first-come')]).when(allocate()).thenRefused('nothing-to-allocate');
    given(threeClaims('first-come')).when({ ...allocate(), metadata: applicant(A, '2026-05-10') }).thenRefused('forbidden');
  });

  it('a second round (first come) allocates later approvals from what the budget has left', () => {
    const firstRound = [opened('first-come', wan(1_500)), submitted('c-a', A, wan(5_000), '2026-03-02'), submitted('c-b', B, wan(1_000), '2026-03-05'), approved('c-a', wan(5_000)), approved('c-b', wan(1_000))];
    const roundOne = given(firstRound).when(allocate()).events();
    const history = [...firstRound, ...roundOne, submitted('c-c', C, wan(1_000), '2026-03-09'), approved('c-c', wan(1_000), '2026-05-20')];
    given(history).when(allocate('2026-05-21')).then([
      {
        type: 'VouchersAllocated',
        data: {
          round: 2,
          rule: 'first-come',
          budgetFen: wan(1_500),
          committedBeforeFen: wan(1_300),
          allocations: [
            {
              claimId: 'c-c',
              creditCode: C,
              standardFen: wan(300),
              grantedFen: wan(200),
              decision: 'reduced',
              reason: '按完整提交申报的先后顺序(第 1 位),年度预算余额仅 2,000,000.00 元,核定补贴 2,000,000.00 元(标准 3,000,000.00 元)(分配规则:按完整提交申报的先后顺序)',
            },
          ],
          allocatedAt: at('2026-05-21'),
        },
      },
    ]);
    given([...history, ...given(history).when(allocate('2026-05-21')).events()]).when(allocate('2026-05-22')).thenRefused('nothing-to-allocate');
  });

  it('tranches are issued up to the granted subsidy and redeemed up to what was issued; the balances show issued, redeemed, remaining', () => {
    const allocation = given(threeClaims('first-come')).when(allocate()).events();
    let history = [...threeClaims('first-come'), ...allocation];
    const issue = (claimId: string, amountFen: number): VoucherCallCommand => ({ type: 'IssueVoucherTranche', data: { claimId, amountFen }, metadata: admin('2026-06-01') });
    const redeem = (claimId: string, amountFen: number): Extract<VoucherCallCommand, { type: 'RedeemVoucher' }> => ({ type: 'RedeemVoucher', data: { claimId, amountFen, provider: '国家超级计算长沙中心', reference: `R-${amountFen}` }, metadata: admin('2026-07-01') });
    for (const command of [issue('c-a', wan(400)), issue('c-a', wan(600)), redeem('c-a', wan(700)), issue('c-b', wan(200))]) {
      history = [...history, ...given(history).when(command).events()];
    }
    given(history).when(issue('c-a', 1)).thenRefused('voucher-over-issued', '超过尚未发放的核定补贴 0 分');
    given(history).when(issue('c-c', 1)).thenRefused('voucher-over-issued');
    given(history).when(redeem('c-a', wan(301))).thenRefused('voucher-over-redeemed');
    given(history).when(redeem('c-b', 0)).thenRefused('invalid-amount');
    given(history).when(issue('c-b', -5)).thenRefused('invalid-amount');
    given(history).when({ ...redeem('c-b', 5), data: { claimId: 'c-b', amountFen: 5, provider: ' ', reference: '' } }).thenRefused('invalid-redemption');
    given(history).when({ ...redeem('c-b', 5), metadata: applicant(B, '2026-07-01') }).thenRefused('forbidden');
    given([...threeClaims('first-come')]).when(issue('c-a', 1)).thenRefused('voucher-not-allocated');
    given(history).when({ ...issue('c-b', 1), metadata: admin('2028-10-27') }).thenRefused('outside-policy-validity');
    expect(voucherBalances(foldEvents(decider, history)).map(({ claimId, grantedFen, issuedFen, redeemedFen, remainingFen, unissuedFen }) => ({ claimId, grantedFen, issuedFen, redeemedFen, remainingFen, unissuedFen }))).toEqual([
      { claimId: 'c-a', grantedFen: wan(1_000), issuedFen: wan(1_000), redeemedFen: wan(700), remainingFen: wan(300), unissuedFen: 0 },
      { claimId: 'c-b', grantedFen: wan(500), issuedFen: wan(200), redeemedFen: 0, remainingFen: wan(200), unissuedFen: wan(300) },
      { claimId: 'c-c', grantedFen: 0, issuedFen: 0, redeemedFen: 0, remainingFen: 0, unissuedFen: 0 },
    ]);
    expect(voucherBalances(decider.initialState())).toEqual([]);
  });

  it('a redemption is refused outside the voucher\'s validity (the call\'s redeemable-until date) and outside the policy validity, with the reason; an extension reopens only the policy', () => {
    const allocation = given(threeClaims('first-come')).when(allocate()).events();
    const issued = [...threeClaims('first-come'), ...allocation];
    const tranche = given(issued).when({ type: 'IssueVoucherTranche', data: { claimId: 'c-a', amountFen: wan(400) }, metadata: admin('2026-06-01') }).events();
    const history = [...issued, ...tranche];
    const redeemOn = (date: string): VoucherCallCommand => ({ type: 'RedeemVoucher', data: { claimId: 'c-a', amountFen: wan(100), provider: '国家超级计算长沙中心', reference: `R-${date}` }, metadata: admin(date) });
    expect(given(history).when(redeemOn('2026-12-31')).events()[0].type).toBe('VoucherRedeemed');
    given(history).when(redeemOn('2027-01-01')).thenRefused('voucher-expired', '2026年度算力券的兑付期限为 2026-12-31');
    // a call that lets vouchers run into the next year: the policy validity still ends them
    const longer = { ...opened('first-come', wan(1_500)), data: { ...opened('first-come', wan(1_500)).data, redeemableUntil: '2028-12-31' } } as VoucherCallEvent;
    const late = [longer, ...history.slice(1)];
    expect(given(late).when(redeemOn('2027-06-30')).events()[0].type).toBe('VoucherRedeemed');
    given(late).when(redeemOn('2028-10-27')).thenRefused('outside-policy-validity', '算力券兑付的日期 2028-10-27 不在政策有效期');
    const extended = givenWhenThen(voucherCallDecider(MEASURES.voucher, validity([EXTENSION])));
    expect(extended(late).when(redeemOn('2028-10-27')).events()[0].type).toBe('VoucherRedeemed');
  });

  it('the call declares how long its vouchers may be redeemed: the budget year by default, never before the claims close', () => {
    const [event] = given([]).when(openCall('first-come')).events();
    expect(event.type === 'VoucherCallOpened' && event.data.redeemableUntil).toBe('2026-12-31');
    const command = openCall('first-come');
    given([]).when({ ...command, data: { ...command.data, redeemableUntil: '2026-04-29' } }).thenRefused('invalid-voucher-call', 'redeemableUntil');
    const [later] = given([]).when({ ...command, data: { ...command.data, redeemableUntil: '2027-06-30' } }).events();
    expect(later.type === 'VoucherCallOpened' && later.data.redeemableUntil).toBe('2027-06-30');
  });

  it('each money decision becomes the enterprise\'s ledger lines: allocation commits, a tranche issues, a redemption pays; claims make none', () => {
    const history = threeClaims('first-come');
    const state = foldEvents(decider, history);
    const [allocation] = given(history).when(allocate()).events();
    const lines = voucherLedgerLines(state, allocation);
    expect(lines.map((line) => [line.creditCode, line.lineId, line.kind, line.committedFen, line.paidFen, line.measure, line.year])).toEqual([
      [A, 'compute-voucher-2026/c-a/allocation', 'voucher-allocation', wan(1_000), 0, 'compute-voucher', 2026],
      [B, 'compute-voucher-2026/c-b/allocation', 'voucher-allocation', wan(500), 0, 'compute-voucher', 2026],
      [C, 'compute-voucher-2026/c-c/allocation', 'voucher-allocation', 0, 0, 'compute-voucher', 2026],
    ]);
    expect(lines[1]).toMatchObject({ entitlementFen: wan(600), decision: 'reduced', causedBy: { stream: 'compute-voucher-2026', eventType: 'VouchersAllocated' } });
    expect(voucherLedgerLines(state, submitted('x', A, 1))).toEqual([]);
    expect(voucherLedgerLines(decider.initialState(), allocation)).toEqual([]);
  });
});
