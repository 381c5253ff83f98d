import type { CommandMetadata } from '../shared/command-metadata';
import type { Decider } from '../shared/decider';
import type { Fen } from '../shared/money';
import { refuse } from '../shared/refusal';
import type { FundLineEvent } from '../funds/ledger-line';
import type { EarlierAward, NonDuplicationDecision } from './non-duplication';

/**
 * The fund ledger of one organisation for one period of the plan: stream
 * `fund-{creditCode}-{from}to{to}` (e.g. fund-91430100MA4L16JQ0H-2025to2027). Every money decision
 * about the organisation appends its entries here in the same atomic append as the award itself,
 * with the revision it read, so two decisions that read the same ledger cannot both commit: the
 * second is retried on the ledger as the first left it (不重复享受 enforced by the store, not by timing).
 *
 * Bounded: one organisation's money decisions in three years, one entry per awarded dossier — at
 * most a few a year per money programme (four of them), in practice a handful of events.
 *
 * An entry is written as a ledger line so other measures can join later (issue 19): the measure,
 * programme, year, selection and dossier, the project as it named itself, the standard with its
 * formula, what was paid and why.
 */
export const PLAN_FIRST_YEAR = 2025;
/** 湘政发〔2025〕7号 is valid three years from 2025-10-27; later periods follow in steps of three. */
export const PLAN_PERIOD_YEARS = 3;

export function fundPeriodOf(year: number): { from: number; to: number } {
  const from = PLAN_FIRST_YEAR + Math.floor((year - PLAN_FIRST_YEAR) / PLAN_PERIOD_YEARS) * PLAN_PERIOD_YEARS;
  return { from, to: from + PLAN_PERIOD_YEARS - 1 };
}

export function fundStreamOf(creditCode: string, year: number): string {
  const { from, to } = fundPeriodOf(year);
  return `fund-${creditCode.toUpperCase()}-${from}to${to}`;
}

export interface FundEntry {
  /** `{selectionId}/{dossierId}`: one entry per awarded dossier, never two. */
  readonly entryId: string;
  /** What kind of support: 'selection-award' (附件5 奖补 of an annual selection); issue 19 adds others. */
  readonly measure: 'selection-award';
  readonly programme: string;
  readonly year: number;
  readonly selectionId: string;
  readonly selectionTitle: string;
  readonly dossierId: string;
  readonly applicantCreditCode: string;
  readonly project: { readonly projectCode: string | null; readonly title: string; readonly projectKey: string };
  /** Earlier entries found to be the same project, and on what evidence (code, title, declared). */
  readonly sameProjectAs: readonly { readonly entryId: string; readonly basis: 'code' | 'title' | 'declared' }[];
  /** Conflicting pairs an admin declared different projects. */
  readonly declaredDifferentFrom: readonly string[];
  /** min(rate × 核定投资额, cap). */
  readonly standard: { readonly rateBasisPoints: number; readonly approvedInvestmentFen: Fen; readonly capFen: Fen; readonly standardFen: Fen };
  readonly paidFen: Fen;
  readonly decision: NonDuplicationDecision;
  /** In Chinese, as printed on the award list. */
  readonly reason: string;
  readonly decidedAt: string;
}

export type FundEvent = { type: 'FundEntryRecorded'; data: FundEntry };

export interface FundLedger {
  readonly creditCode: string | null;
  readonly entries: readonly FundEntry[];
  /**
   * What the other measures of 附件5 paid (funds/ledger-line.ts FundLineRecorded in the same stream;
   * 算力券 and lines that paid nothing left out), as earlier awards of the selection rule.
   */
  readonly otherSupport?: readonly EarlierAward[];
}

export type FundCommand = { type: 'RecordFundEntry'; data: { entry: FundEntry }; metadata: CommandMetadata };

export function entryIdOf(selectionId: string, dossierId: string): string {
  return `${selectionId}/${dossierId}`;
}

/** The ledger's entries as the award rule reads them. */
export function earlierAwardsOfLedger(ledger: FundLedger): EarlierAward[] {
  return [...ledger.entries.map(earlierAwardOfEntry), ...(ledger.otherSupport ?? [])];
}

function earlierAwardOfEntry(entry: FundEntry): EarlierAward {
  return {
    selectionId: entry.selectionId,
    selectionTitle: entry.selectionTitle,
    programme: entry.programme,
    year: entry.year,
    dossierId: entry.dossierId,
    applicantCreditCode: entry.applicantCreditCode,
    projectCode: entry.project.projectCode,
    title: entry.project.title,
    standardFen: entry.standard.standardFen,
    paidFen: entry.paidFen,
  };
}

/**
 * Records one entry. Refuses a second entry for the same selection and dossier, an entry of another
 * organisation, and — the ledger's own check of 就高原则 — an entry that would bring what the project
 * received in the year above the highest standard among its entries.
 */
function decideFund(command: FundCommand, ledger: FundLedger): FundEvent[] {
  const { entry } = command.data;
  if (!['admin', 'system'].includes(command.metadata.actor.role)) {
    throw refuse('forbidden', 'only the award decision writes to the fund ledger', 'forbidden');
  }
  if (ledger.creditCode !== null && ledger.creditCode !== entry.applicantCreditCode.toUpperCase()) {
    throw refuse('fund-ledger-mismatch', `the ledger of ${ledger.creditCode} cannot take an entry of ${entry.applicantCreditCode}`, 'invalid');
  }
  if (ledger.entries.some((existing) => existing.entryId === entry.entryId)) {
    throw refuse('fund-entry-exists', `the award of ${entry.dossierId} in ${entry.selectionId} is already in the fund ledger`);
  }
  const same = entry.sameProjectAs.map(({ entryId }) => {
    const found = earlierAwardsOfLedger(ledger).find((existing) => entryIdOf(existing.selectionId, existing.dossierId) === entryId);
    if (!found) throw refuse('fund-entry-unknown', `the fund ledger has no entry ${entryId} to match ${entry.entryId} with`, 'invalid');
    return found;
  });
  const ofYear = [...same.filter((existing) => existing.year === entry.year), earlierAwardOfEntry(entry)];
  const paid = ofYear.reduce((sum, line) => sum + line.paidFen, 0);
  const highest = Math.max(...ofYear.map((line) => line.standardFen));
  if (paid > highest) {
    throw refuse(
      'non-duplication-breached',
      `不重复享受:该项目${entry.year}年将累计获支持 ${paid} 分,超过最高标准 ${highest} 分,不予记录`,
      'conflict',
      { paidFen: paid, highestStandardFen: highest },
    );
  }
  return [{ type: 'FundEntryRecorded', data: entry }];
}

function evolveFund(ledger: FundLedger, event: FundEvent): FundLedger {
  const any = event as FundEvent | FundLineEvent; // the stream also holds the other measures' lines
  if (any.type === 'FundLineRecorded') {
    const line = any.data;
    if (line.measure === 'compute-voucher' || line.paidFen === 0) return { ...ledger, creditCode: line.creditCode.toUpperCase() };
    const prefix = `${line.sourceId}/`;
    const award: EarlierAward = {
      selectionId: line.sourceId,
      selectionTitle: line.sourceTitle,
      programme: line.measure,
      year: line.year,
      dossierId: line.lineId.startsWith(prefix) ? line.lineId.slice(prefix.length) : line.lineId,
      applicantCreditCode: line.creditCode.toUpperCase(),
      projectCode: line.project.projectCode,
      title: line.project.title,
      standardFen: line.entitlementFen,
      paidFen: line.paidFen,
    };
    return { ...ledger, creditCode: award.applicantCreditCode, otherSupport: [...(ledger.otherSupport ?? []), award] };
  }
  return { ...ledger, creditCode: event.data.applicantCreditCode.toUpperCase(), entries: [...ledger.entries, event.data] };
}

export const fundDecider: Decider<FundCommand, FundEvent, FundLedger> = {
  initialState: () => ({ creditCode: null, entries: [] }),
  decide: decideFund,
  evolve: evolveFund,
};
