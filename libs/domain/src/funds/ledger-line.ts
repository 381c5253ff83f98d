import type { FundEntry, FundEvent } from '../awards/fund-ledger';
import { fundPeriodOf } from '../awards/fund-ledger';
import { yuanText } from '../awards/yuan-text';
import type { CommandMetadata } from '../shared/command-metadata';
import type { Decider } from '../shared/decider';
import type { Fen } from '../shared/money';
import { refuse } from '../shared/refusal';
import type { FundMeasureCode } from './measures';

/**
 * One line of the fund ledger, whatever the measure: the organisation's stream
 * `fund-{creditCode}-{from}to{to}` (awards/fund-ledger.ts) holds the selection awards as
 * FundEntryRecorded and every other measure's money decisions as FundLineRecorded; `ledgerLinesOf`
 * reads both as lines, so there is one ledger.
 *
 * Amounts are movements: `committedFen` counts against the year's budget of the measure,
 * `issuedFen` is vouchers handed out (算力券 only), `paidFen` is money out. A selection award commits
 * and pays in one decision; a voucher allocation commits, a tranche issues, a redemption pays; a
 * grant's approval commits its instalments, each instalment decision pays (or is suspended, 0).
 */
export type LedgerLineKind =
  | 'selection-award'
  | 'voucher-allocation'
  | 'voucher-tranche'
  | 'voucher-redemption'
  | 'grant-commitment'
  | 'grant-instalment'
  | 'one-off-award';

export type LedgerDecision = 'paid' | 'top-up' | 'not-paid' | 'suspended' | 'committed' | 'granted' | 'reduced' | 'not-granted' | 'issued' | 'redeemed';

export interface LedgerLine {
  /** Unique in the organisation's ledger, e.g. compute-voucher-2026/claim-7/allocation. */
  readonly lineId: string;
  readonly kind: LedgerLineKind;
  readonly measure: FundMeasureCode;
  /** The selection's programme for selection awards, else null. */
  readonly programme: string | null;
  /** The budget year the line counts against. */
  readonly year: number;
  readonly creditCode: string;
  readonly project: { readonly projectCode: string | null; readonly title: string };
  /** The call, selection or application the line belongs to, e.g. compute-voucher-2026, national-grant-ng-1. */
  readonly sourceId: string;
  /** Printed in 《》 in reasons. */
  readonly sourceTitle: string;
  /** What the measure's own rule grants this project in all (for 就高), e.g. 3 × 500 万 for a platform. */
  readonly entitlementFen: Fen;
  readonly committedFen: Fen;
  readonly issuedFen: Fen;
  readonly paidFen: Fen;
  readonly decision: LedgerDecision;
  /** The formula in words, e.g. min(30% × 年度算力支出 1,000,000.00 元, 10,000,000.00 元). */
  readonly basis: string;
  /** Why, in Chinese. */
  readonly reason: string;
  /** Lines (of this or another period's ledger) this decision found to be the same project. */
  readonly sameProjectAs: readonly string[];
  /** Other provincial support the applicant declared for the project and the decision counted. */
  readonly declaredSupportCounted: readonly { readonly documentNo: string; readonly paidFen: Fen }[];
  /** The stream and event type of the decision that caused the line. */
  readonly causedBy: { readonly stream: string; readonly eventType: string };
  readonly decidedAt: string;
}

export type FundLineEvent = { type: 'FundLineRecorded'; data: LedgerLine };
/** Everything the organisation's fund stream may hold. */
export type FundStreamEvent = FundEvent | FundLineEvent;

/** A selection award entry (issue 12's FundEntryRecorded) as a ledger line. */
export function lineOfFundEntry(entry: FundEntry): LedgerLine {
  return {
    lineId: entry.entryId,
    kind: 'selection-award',
    measure: 'selection-award',
    programme: entry.programme,
    year: entry.year,
    creditCode: entry.applicantCreditCode.toUpperCase(),
    project: { projectCode: entry.project.projectCode, title: entry.project.title },
    sourceId: entry.entryId,
    sourceTitle: entry.selectionTitle,
    entitlementFen: entry.standard.standardFen,
    committedFen: entry.paidFen,
    issuedFen: 0,
    paidFen: entry.paidFen,
    decision: entry.decision,
    basis: `min(${entry.standard.rateBasisPoints / 100}% × 核定投资额 ${yuanText(entry.standard.approvedInvestmentFen)}, ${yuanText(entry.standard.capFen)})`,
    reason: entry.reason,
    sameProjectAs: entry.sameProjectAs.map((match) => match.entryId),
    declaredSupportCounted: [],
    causedBy: { stream: `selection-${entry.selectionId}`, eventType: 'AwardsDecided' },
    decidedAt: entry.decidedAt,
  };
}

export function ledgerLinesOf(events: readonly FundStreamEvent[]): LedgerLine[] {
  return events.map((event) => (event.type === 'FundEntryRecorded' ? lineOfFundEntry(event.data) : event.data));
}

export interface OrganisationLedger {
  readonly creditCode: string | null;
  /** The three-year period of the stream, from its first line. */
  readonly period: { readonly from: number; readonly to: number } | null;
  readonly lines: readonly LedgerLine[];
}

export type FundLineCommand = { type: 'RecordFundLines'; data: { lines: readonly LedgerLine[] }; metadata: CommandMetadata };

/**
 * Records the lines of one decision. Refuses another organisation's line, a line of another
 * period, a line id already there, amounts that are not whole fen ≥ 0, and any line that would
 * break what the ledger guarantees per source: issued ≤ committed (vouchers), paid ≤ committed, and
 * — 不重复享受 for every measure but 算力券 — what the project received from the lines it was found
 * to be the same as, plus declared support, never above the highest entitlement among them.
 */
function decideLines(command: FundLineCommand, ledger: OrganisationLedger): FundLineEvent[] {
  if (!['admin', 'system'].includes(command.metadata.actor.role)) {
    throw refuse('forbidden', 'only money decisions write to the fund ledger', 'forbidden');
  }
  let state = ledger;
  const events: FundLineEvent[] = [];
  for (const line of command.data.lines) {
    checkLine(line, state);
    const event: FundLineEvent = { type: 'FundLineRecorded', data: line };
    events.push(event);
    state = evolveLedger(state, event);
  }
  return events;
}

function checkLine(line: LedgerLine, ledger: OrganisationLedger): void {
  const creditCode = line.creditCode.toUpperCase();
  if (ledger.creditCode !== null && ledger.creditCode !== creditCode) {
    throw refuse('fund-ledger-mismatch', `the ledger of ${ledger.creditCode} cannot take a line of ${line.creditCode}`, 'invalid');
  }
  const period = fundPeriodOf(line.year);
  if (ledger.period !== null && ledger.period.from !== period.from) {
    throw refuse('fund-ledger-period', `a line of ${line.year} belongs to the ledger of ${period.from}-${period.to}, not ${ledger.period.from}-${ledger.period.to}`, 'invalid');
  }
  for (const [what, value] of Object.entries({ entitlementFen: line.entitlementFen, committedFen: line.committedFen, issuedFen: line.issuedFen, paidFen: line.paidFen })) {
    if (!Number.isSafeInteger(value) || value < 0) throw refuse('invalid-fund-line', `${what} of ${line.lineId} must be whole fen ≥ 0, got ${value}`, 'invalid');
  }
  if (ledger.lines.some((existing) => existing.lineId === line.lineId)) {
    throw refuse('fund-line-exists', `the fund ledger already has ${line.lineId}`);
  }
  const ofSource = [...ledger.lines.filter((existing) => existing.sourceId === line.sourceId), line];
  const sum = (lines: readonly LedgerLine[], pick: (l: LedgerLine) => number) => lines.reduce((total, l) => total + pick(l), 0);
  const committed = sum(ofSource, (l) => l.committedFen);
  if (line.measure === 'compute-voucher' && sum(ofSource, (l) => l.issuedFen) > committed) {
    throw refuse('voucher-over-issued', `算力券发放合计 ${sum(ofSource, (l) => l.issuedFen)} 分超过核定补贴 ${committed} 分,不予记录`);
  }
  if (sum(ofSource, (l) => l.paidFen) > committed) {
    throw refuse('fund-overpaid', `${line.sourceTitle}:支付合计 ${sum(ofSource, (l) => l.paidFen)} 分超过已安排 ${committed} 分,不予记录`);
  }
  if (line.measure === 'compute-voucher' || line.paidFen === 0) return;
  const same = ledger.lines.filter((existing) => line.sameProjectAs.includes(existing.lineId) && existing.sourceId !== line.sourceId);
  const sources = new Set(same.map((l) => l.sourceId));
  const others = ledger.lines.filter((existing) => sources.has(existing.sourceId) && existing.measure !== 'compute-voucher');
  const declared = line.declaredSupportCounted;
  const received = sum(ofSource, (l) => l.paidFen) + sum(others, (l) => l.paidFen) + declared.reduce((total, d) => total + d.paidFen, 0);
  const highest = Math.max(line.entitlementFen, ...others.map((l) => l.entitlementFen), ...declared.map((d) => d.paidFen));
  if (received > highest) {
    throw refuse(
      'non-duplication-breached',
      `不重复享受:该项目将累计获支持 ${received} 分,超过最高标准 ${highest} 分,不予记录`,
      'conflict',
      { receivedFen: received, highestFen: highest },
    );
  }
}

function evolveLedger(ledger: OrganisationLedger, event: FundStreamEvent): OrganisationLedger {
  const line = event.type === 'FundEntryRecorded' ? lineOfFundEntry(event.data) : event.data;
  return { creditCode: line.creditCode.toUpperCase(), period: ledger.period ?? fundPeriodOf(line.year), lines: [...ledger.lines, line] };
}

/** The organisation's fund stream read as one ledger (selection entries and all other lines). */
export const organisationLedgerDecider: Decider<FundLineCommand, FundStreamEvent, OrganisationLedger> = {
  initialState: () => ({ creditCode: null, period: null, lines: [] }),
  decide: decideLines,
  evolve: evolveLedger,
};
