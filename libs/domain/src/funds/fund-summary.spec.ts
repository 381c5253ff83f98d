import { wan } from './funds.test-support';
import { summariseFunds } from './fund-summary';
import type { LedgerLine } from './ledger-line';
import { lineOfFundEntry } from './ledger-line';
import { selectionEntry } from './national-grant.test-support';

describe('per year and measure: budget, committed, issued, paid', () => {
  const award = lineOfFundEntry(selectionEntry(wan(100), 2026));
  const voucher = (lineId: string, amounts: Partial<LedgerLine>): LedgerLine => ({ ...award, lineId, measure: 'compute-voucher', committedFen: 0, issuedFen: 0, paidFen: 0, ...amounts });

  it('folds the lines into rows in year and measure order, with the budget where one was set and a line counted once', () => {
    const lines = [voucher('a', { committedFen: wan(300) }), award, voucher('t', { issuedFen: wan(200) }), voucher('r', { paidFen: wan(150) }), award, { ...award, lineId: 'x', year: 2025 }];
    expect(summariseFunds(lines, [{ year: 2026, measure: 'compute-voucher', budgetFen: wan(10_000) }, { year: 2027, measure: 'compute-voucher', budgetFen: wan(10_000) }])).toEqual([
      { year: 2025, measure: 'selection-award', budgetFen: null, committedFen: wan(100), issuedFen: 0, paidFen: wan(100), uncommittedFen: null, lines: 1 },
      { year: 2026, measure: 'selection-award', budgetFen: null, committedFen: wan(100), issuedFen: 0, paidFen: wan(100), uncommittedFen: null, lines: 1 },
      { year: 2026, measure: 'compute-voucher', budgetFen: wan(10_000), committedFen: wan(300), issuedFen: wan(200), paidFen: wan(150), uncommittedFen: wan(9_700), lines: 3 },
      { year: 2027, measure: 'compute-voucher', budgetFen: wan(10_000), committedFen: 0, issuedFen: 0, paidFen: 0, uncommittedFen: wan(10_000), lines: 0 },
    ]);
    expect(summariseFunds([])).toEqual([]);
  });
});
