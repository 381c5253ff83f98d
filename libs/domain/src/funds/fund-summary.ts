import type { Fen } from '../shared/money';
import type { LedgerLine } from './ledger-line';
import type { FundMeasureCode } from './measures';

/** A budget a department set for a measure and year (算力券: 1 亿元 a year from the measures file). */
export interface MeasureBudget {
  readonly year: number;
  readonly measure: FundMeasureCode;
  readonly budgetFen: Fen;
}

export interface FundSummaryRow {
  readonly year: number;
  readonly measure: FundMeasureCode;
  /** null where no budget was set for the measure and year. */
  readonly budgetFen: Fen | null;
  readonly committedFen: Fen;
  readonly issuedFen: Fen;
  readonly paidFen: Fen;
  /** budget − committed, null without a budget. */
  readonly uncommittedFen: Fen | null;
  readonly lines: number;
}

export const FUND_MEASURE_ORDER: readonly FundMeasureCode[] = ['selection-award', 'compute-voucher', 'national-platform', 'national-champion'];

/**
 * Per year and measure: budget, committed, issued, paid — a pure fold over the ledger lines of any
 * set of organisations (every line counted once by its id, so feeding a line twice changes nothing).
 * Rows come in year order, then measure order; a budget without lines still shows.
 */
export function summariseFunds(lines: readonly LedgerLine[], budgets: readonly MeasureBudget[] = []): FundSummaryRow[] {
  const rows = new Map<string, { year: number; measure: FundMeasureCode; committedFen: number; issuedFen: number; paidFen: number; lines: number }>();
  const keyOf = (year: number, measure: FundMeasureCode) => `${year}|${measure}`;
  const row = (year: number, measure: FundMeasureCode) => {
    const key = keyOf(year, measure);
    const found = rows.get(key) ?? { year, measure, committedFen: 0, issuedFen: 0, paidFen: 0, lines: 0 };
    rows.set(key, found);
    return found;
  };
  const seen = new Set<string>();
  for (const line of lines) {
    const id = `${line.creditCode}|${line.lineId}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const target = row(line.year, line.measure);
    target.committedFen += line.committedFen;
    target.issuedFen += line.issuedFen;
    target.paidFen += line.paidFen;
    target.lines += 1;
  }
  const budgetOf = new Map(budgets.map((budget) => [keyOf(budget.year, budget.measure), budget.budgetFen]));
  for (const budget of budgets) row(budget.year, budget.measure);
  return [...rows.values()]
    .sort((a, b) => a.year - b.year || FUND_MEASURE_ORDER.indexOf(a.measure) - FUND_MEASURE_ORDER.indexOf(b.measure))
    .map((item) => {
      const budgetFen = budgetOf.get(keyOf(item.year, item.measure)) ?? null;
      return { ...item, budgetFen, uncommittedFen: budgetFen === null ? null : budgetFen - item.committedFen };
    });
}
