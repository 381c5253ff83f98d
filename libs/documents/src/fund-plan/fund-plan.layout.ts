import { formatFenAsYuan, formatFenTotalAsYuan } from '../yuan';
import type { FundPlanDocument } from './fund-plan.types';

export interface FundPlanLayout {
  title: string;
  facts: string[];
  summaryColumns: string[];
  summaryRows: string[][];
  summaryTotal: string[];
  lineColumns: string[];
  lineRows: string[][];
  note: string;
}

export const SUMMARY_COLUMNS = ['支持措施', '年度预算', '已安排', '已发放(算力券)', '已拨付'];
export const LINE_COLUMNS = ['序号', '支持措施', '单位', '项目', '支持标准', '安排金额', '发放金额', '拨付金额', '说明'];

/** A movement that did not happen prints as —, so a blank never reads as an amount of nothing. */
function amount(fen: number): string {
  return fen === 0 ? '—' : formatFenAsYuan(fen);
}

export function layOutFundPlan(document: FundPlanDocument): FundPlanLayout {
  const sum = (pick: (row: FundPlanDocument['summary'][number]) => number) => formatFenTotalAsYuan(document.summary.map(pick));
  return {
    title: `${document.year}年湖南省“人工智能+”支持措施资金安排表`,
    facts: [`年度:${document.year}`, `政策依据:${document.documentNo}附件5 湖南省“人工智能+”十大支持措施`],
    summaryColumns: SUMMARY_COLUMNS,
    summaryRows: document.summary.map((row) => [
      row.measureName,
      row.budgetFen === null ? '未设预算' : formatFenAsYuan(row.budgetFen),
      formatFenAsYuan(row.committedFen),
      amount(row.issuedFen),
      formatFenAsYuan(row.paidFen),
    ]),
    summaryTotal: ['合计', '', sum((row) => row.committedFen), sum((row) => row.issuedFen), sum((row) => row.paidFen)],
    lineColumns: LINE_COLUMNS,
    lineRows: document.lines.map((line, index) => [
      String(index + 1),
      line.measureName,
      line.organisationName,
      line.projectTitle,
      line.basis,
      amount(line.committedFen),
      amount(line.issuedFen),
      amount(line.paidFen),
      line.reason,
    ]),
    note: `注:${document.nonDuplicationClause}`,
  };
}
