import type { DataSource } from 'typeorm';
import { FUND_MEASURE_ORDER } from '@app/domain/funds';
import type { FundMeasureCode, FundSummaryRow, LedgerLine, NationalGrant } from '@app/domain/funds';

export interface FundLineFilter {
  readonly year?: number;
  readonly creditCode?: string;
  readonly measure?: FundMeasureCode;
}

/** Per organisation (and year): what it was committed, issued and paid, over all measures. */
export interface OrganisationFundTotal {
  readonly creditCode: string;
  readonly name: string | null;
  readonly committedFen: number;
  readonly issuedFen: number;
  readonly paidFen: number;
  readonly lines: number;
}

/** The order the decisions were recorded in (the store's global order). */
const ORDER = 'ORDER BY l.position_commit, l.position_prepare';

/** rm_fund_lines, rm_fund_summary (projection fund-ledger). */
export class FundLedgerReadModel {
  constructor(private readonly dataSource: DataSource) {}

  /** Per year and measure: budget, committed, issued, paid, in year then measure order. */
  async summary(year?: number): Promise<FundSummaryRow[]> {
    const rows: { year: number; measure: FundMeasureCode; budget_fen: string | null; committed_fen: string; issued_fen: string; paid_fen: string; lines: number }[] =
      await this.dataSource.query(`SELECT * FROM rm_fund_summary ${year === undefined ? '' : 'WHERE year = $1'}`, year === undefined ? [] : [year]);
    return rows
      .map((row) => {
        const budgetFen = row.budget_fen === null ? null : Number(row.budget_fen);
        const committedFen = Number(row.committed_fen);
        return { year: row.year, measure: row.measure, budgetFen, committedFen, issuedFen: Number(row.issued_fen), paidFen: Number(row.paid_fen), uncommittedFen: budgetFen === null ? null : budgetFen - committedFen, lines: row.lines };
      })
      .sort((a, b) => a.year - b.year || FUND_MEASURE_ORDER.indexOf(a.measure) - FUND_MEASURE_ORDER.indexOf(b.measure));
  }

  /** The years that have a line or a budget, newest first. */
  async years(): Promise<number[]> {
    const rows: { year: number }[] = await this.dataSource.query('SELECT DISTINCT year FROM rm_fund_summary ORDER BY year DESC');
    return rows.map((row) => row.year);
  }

  async lines(filter: FundLineFilter = {}, page?: { readonly offset: number; readonly limit: number }): Promise<LedgerLine[]> {
    const { where, parameters } = whereOf(filter);
    const paging = page ? ` LIMIT ${Math.max(1, Math.floor(page.limit))} OFFSET ${Math.max(0, Math.floor(page.offset))}` : '';
    const rows: { line: LedgerLine }[] = await this.dataSource.query(`SELECT l.line FROM rm_fund_lines l ${where} ${ORDER}${paging}`, parameters);
    return rows.map((row) => row.line);
  }

  /** Per organisation, the sums of its lines (of a year, when given), with the registered name; largest commitments first. */
  async organisations(year?: number): Promise<OrganisationFundTotal[]> {
    const { where, parameters } = whereOf({ year });
    const rows: { credit_code: string; name: string | null; committed_fen: string; issued_fen: string; paid_fen: string; lines: number }[] = await this.dataSource.query(
      `SELECT l.credit_code, o.name, sum(l.committed_fen) AS committed_fen, sum(l.issued_fen) AS issued_fen, sum(l.paid_fen) AS paid_fen, count(*)::int AS lines
       FROM rm_fund_lines l LEFT JOIN organisations o ON upper(o.credit_code) = l.credit_code ${where}
       GROUP BY l.credit_code, o.name ORDER BY sum(l.committed_fen) DESC, l.credit_code`,
      parameters,
    );
    return rows.map((row) => ({ creditCode: row.credit_code, name: row.name, committedFen: Number(row.committed_fen), issuedFen: Number(row.issued_fen), paidFen: Number(row.paid_fen), lines: row.lines }));
  }

  /** National-level applications, newest first (of one organisation, when given). */
  async applications(creditCode?: string): Promise<NationalGrant[]> {
    const rows: { state: NationalGrant }[] = await this.dataSource.query(
      `SELECT state FROM rm_fund_applications ${creditCode === undefined ? '' : 'WHERE credit_code = $1'} ORDER BY applied_at DESC, id`,
      creditCode === undefined ? [] : [creditCode.toUpperCase()],
    );
    return rows.map((row) => row.state);
  }

  /** Registered names of the organisations with lines. */
  async names(): Promise<Map<string, string>> {
    const rows: { credit_code: string; name: string }[] = await this.dataSource.query(
      'SELECT DISTINCT l.credit_code, o.name FROM rm_fund_lines l JOIN organisations o ON upper(o.credit_code) = l.credit_code',
    );
    return new Map(rows.map((row) => [row.credit_code, row.name]));
  }
}

function whereOf(filter: FundLineFilter): { where: string; parameters: unknown[] } {
  const clauses: string[] = [];
  const parameters: unknown[] = [];
  if (filter.year !== undefined) {
    parameters.push(filter.year);
    clauses.push(`l.year = $${parameters.length}`);
  }
  if (filter.creditCode !== undefined) {
    parameters.push(filter.creditCode.toUpperCase());
    clauses.push(`l.credit_code = $${parameters.length}`);
  }
  if (filter.measure !== undefined) {
    parameters.push(filter.measure);
    clauses.push(`l.measure = $${parameters.length}`);
  }
  return { where: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, parameters };
}
