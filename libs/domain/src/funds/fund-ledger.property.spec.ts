import fc from 'fast-check';
import { DomainRefusal } from '../shared/refusal';
import { foldEvents } from '../shared/decider';
import { creditCode } from '../selection/actors.test-support';
import { voucherCallDecider } from './compute-voucher.decider';
import type { VoucherCallCommand } from './compute-voucher.commands';
import type { VoucherCallEvent } from './compute-voucher.events';
import { voucherLedgerLines } from './compute-voucher.ledger';
import { opened, submitted, VALIDITY } from './compute-voucher.test-support';
import { summariseFunds } from './fund-summary';
import { admin, MEASURES, wan } from './funds.test-support';
import { organisationLedgerDecider } from './ledger-line';
import type { FundStreamEvent, LedgerLine } from './ledger-line';
import { nationalGrantDecider } from './national-grant.decider';
import type { NationalGrantCommand } from './national-grant.commands';
import type { NationalGrantEvent } from './national-grant.events';
import { nationalGrantLedgerLines } from './national-grant.ledger';
import { applied, apply, DECLARED_150 } from './national-grant.test-support';

// Modest by default (CI has 2 cores); PROPERTY_RUNS=5000 for a deeper search.
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) };
const voucher = voucherCallDecider(MEASURES.voucher, VALIDITY);
const grants = nationalGrantDecider(MEASURES, VALIDITY);

/** Appends every line to its organisation's ledger through the one-ledger decider: a refusal fails the property. */
function ledgers(lines: readonly LedgerLine[]): Map<string, FundStreamEvent[]> {
  const byOrg = new Map<string, FundStreamEvent[]>();
  for (const line of lines) {
    const history = byOrg.get(line.creditCode) ?? [];
    const events = organisationLedgerDecider.decide({ type: 'RecordFundLines', data: { lines: [line] }, metadata: admin('2026-06-01') }, foldEvents(organisationLedgerDecider, history));
    byOrg.set(line.creditCode, [...history, ...events]);
  }
  return byOrg;
}

/** Runs a command if the rules allow it: a refusal is a legitimate outcome and changes nothing. */
function attempt<C, E, S>(decide: (command: C, state: S) => E[], command: C, state: S): E[] {
  try {
    return decide(command, state);
  } catch (error) {
    if (error instanceof DomainRefusal) return [];
    throw error;
  }
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

const operation = fc.oneof(
  fc.record({ op: fc.constant('approve' as const), claim: fc.nat(3), permille: fc.integer({ min: 0, max: 1000 }) }),
  fc.record({ op: fc.constant('reject' as const), claim: fc.nat(3) }),
  fc.record({ op: fc.constant('allocate' as const) }),
  // a share of what is open (‰, above 1000 asks for more than is open), so tranches and redemptions happen often
  fc.record({ op: fc.constant('issue' as const), claim: fc.nat(3), permille: fc.integer({ min: 1, max: 1100 }) }),
  fc.record({ op: fc.constant('redeem' as const), claim: fc.nat(3), permille: fc.integer({ min: 1, max: 1100 }) }),
);

describe('fund ledger properties', () => {
  const seen = { exhausted: 0, redeemed: 0 };
  // the budget ran out and vouchers were redeemed in some runs: the property is not vacuous
  afterAll(() => expect(Math.min(seen.exhausted, seen.redeemed)).toBeGreaterThan(0));

  it('算力券: the ledger sums equal the decisions, never exceed the budget, and never issue or pay more than committed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('first-come' as const, 'pro-rata' as const),
        fc.integer({ min: wan(1), max: wan(10_000) }),
        fc.array(fc.integer({ min: 1, max: wan(8_000) }), { minLength: 1, maxLength: 8 }),
        fc.array(operation, { minLength: 5, maxLength: 40, size: 'max' }),
        (rule, budgetFen, spends, operations) => {
          let events: VoucherCallEvent[] = [opened(rule, budgetFen), ...spends.map((spend, i) => submitted(`c-${i}`, creditCode(700 + i), spend, `2026-03-${String(10 + i).padStart(2, '0')}`))];
          const lines: LedgerLine[] = [];
          for (const step of operations) {
            const claimId = 'claim' in step ? `c-${step.claim % spends.length}` : '';
            const date = rule === 'pro-rata' ? '2026-05-10' : '2026-04-10';
            const before = foldEvents(voucher, events);
            const claim = before.status === 'open' ? before.claims[claimId] : undefined;
            const share = (open: number) => Math.max(1, Math.floor((open * ('permille' in step ? step.permille : 0)) / 1000));
            const command: VoucherCallCommand =
              step.op === 'approve'
                ? { type: 'ApproveVoucherClaim', data: { claimId, eligibleSpendFen: Math.floor((spends[step.claim % spends.length] * step.permille) / 1000) }, metadata: admin(date) }
                : step.op === 'reject'
                  ? { type: 'RejectVoucherClaim', data: { claimId, reason: '材料不符' }, metadata: admin(date) }
                  : step.op === 'allocate'
                    ? { type: 'AllocateVouchers', data: {}, metadata: admin(date) }
                    : step.op === 'issue'
                      ? { type: 'IssueVoucherTranche', data: { claimId, amountFen: share((claim?.grantedFen ?? 0) - (claim?.issuedFen ?? 0)) }, metadata: admin(date) }
                      : { type: 'RedeemVoucher', data: { claimId, amountFen: share((claim?.issuedFen ?? 0) - (claim?.redeemedFen ?? 0)), provider: '超算中心', reference: 'R' }, metadata: admin(date) };
            for (const event of attempt(voucher.decide, command, before)) {
              lines.push(...voucherLedgerLines(foldEvents(voucher, events), event));
              events = [...events, event];
            }
          }
          const decided = (type: VoucherCallEvent['type']) => events.filter((event) => event.type === type);
          const allocated = sum(decided('VouchersAllocated').flatMap((event) => (event.type === 'VouchersAllocated' ? event.data.allocations.map((a) => a.grantedFen) : [])));
          const issued = sum(decided('VoucherTrancheIssued').map((event) => (event.type === 'VoucherTrancheIssued' ? event.data.amountFen : 0)));
          const redeemed = sum(decided('VoucherRedeemed').map((event) => (event.type === 'VoucherRedeemed' ? event.data.amountFen : 0)));
          const [row = { committedFen: 0, issuedFen: 0, paidFen: 0, budgetFen }] = summariseFunds(lines, [{ year: 2026, measure: 'compute-voucher', budgetFen }]);
          expect([row.committedFen, row.issuedFen, row.paidFen]).toEqual([allocated, issued, redeemed]);
          seen.redeemed += redeemed > 0 ? 1 : 0;
          expect(row.committedFen).toBeLessThanOrEqual(budgetFen);
          expect(row.paidFen).toBeLessThanOrEqual(row.issuedFen);
          expect(row.issuedFen).toBeLessThanOrEqual(row.committedFen);
          for (const allocation of decided('VouchersAllocated').flatMap((event) => (event.type === 'VouchersAllocated' ? event.data.allocations : []))) {
            expect(allocation.grantedFen).toBeLessThanOrEqual(Math.min(allocation.standardFen, MEASURES.voucher.capFenPerEnterprise));
            if (allocation.decision !== 'granted') seen.exhausted += 1;
          }
          ledgers(lines); // every line is accepted by its organisation's ledger
        },
      ),
      RUNS,
    );
  });

  it('a platform grant: paid in all equals the instalment decisions, and with declared support never exceeds the higher standard', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: wan(2_000) }),
        fc.array(fc.record({ instalment: fc.integer({ min: 1, max: 3 }), suspend: fc.boolean(), year: fc.integer({ min: 2026, max: 2028 }) }), { maxLength: 8 }),
        (declaredFen, steps) => {
          const declared = declaredFen === 0 ? [] : [{ ...DECLARED_150, paidFen: declaredFen }];
          let events: NationalGrantEvent[] = [applied(apply('national-platform', '2026-03-02', declared))];
          const lines: LedgerLine[] = [];
          const commands: NationalGrantCommand[] = [
            { type: 'ApproveNationalPlatformGrant', data: { ledger: [] }, metadata: admin('2026-04-01') },
            ...steps.map(
              (step): NationalGrantCommand => ({
                type: 'DecideGrantInstalment',
                data: { ledger: [], instalment: step.instalment, outcome: step.suspend ? 'suspend' : 'pay', reason: '整改' },
                metadata: admin(`${step.year}-06-01`),
              }),
            ),
          ];
          for (const command of commands) {
            for (const event of attempt(grants.decide, command, foldEvents(grants, events))) {
              lines.push(...nationalGrantLedgerLines(foldEvents(grants, events), event, '平台支持'));
              events = [...events, event];
            }
          }
          const paidByDecisions = sum(events.map((event) => (event.type === 'GrantInstalmentDecided' ? event.data.award.paidFen : 0)));
          const rows = summariseFunds(lines);
          expect(sum(rows.map((row) => row.paidFen))).toBe(paidByDecisions);
          expect(paidByDecisions + declaredFen).toBeLessThanOrEqual(Math.max(wan(1_500), declaredFen));
          for (const row of rows) expect(row.paidFen).toBeLessThanOrEqual(wan(500));
          const byPeriod = new Map<string, LedgerLine[]>();
          for (const line of lines) byPeriod.set(line.year >= 2028 ? 'late' : 'early', [...(byPeriod.get(line.year >= 2028 ? 'late' : 'early') ?? []), line]);
          for (const period of byPeriod.values()) ledgers(period);
        },
      ),
      RUNS,
    );
  });
});
