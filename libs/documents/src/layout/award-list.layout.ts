import type { AwardListDocument } from '../annex.types';
import { formatFenAsYuan, formatFenTotalAsYuan } from '../yuan';
import { labelledParagraph } from './layout-text';

/** An award list ready to print: amounts already in yuan, the total summed exactly. */
export interface AwardListLayout {
  title: string;
  /** 年度:2026, 评选项目:十大示范场景 */
  facts: string[];
  columns: AwardListColumns;
  rows: AwardListLine[];
  /** 合计 of the award amounts */
  totalAward: string;
  /** 注:… (the non-duplication rule) */
  note: string;
}

export interface AwardListColumns {
  serial: string;
  organisation: string;
  projectTitle: string;
  approvedInvestment: string;
  awardAmount: string;
}

export type AwardListLine = AwardListColumns;

export const AWARD_LIST_COLUMNS: AwardListColumns = {
  serial: '序号',
  organisation: '申报单位',
  projectTitle: '项目名称',
  approvedInvestment: '核定投资额',
  awardAmount: '奖补金额',
};

export const AWARD_LIST_TOTAL_LABEL = '合计';

export function layOutAwardList(document: AwardListDocument): AwardListLayout {
  return {
    title: document.heading,
    facts: [labelledParagraph('年度', String(document.year)), labelledParagraph('评选项目', document.programmeName)],
    columns: AWARD_LIST_COLUMNS,
    rows: document.rows.map((row) => ({
      serial: String(row.serial),
      organisation: row.organisation,
      projectTitle: row.projectTitle,
      approvedInvestment: formatFenAsYuan(row.approvedInvestmentFen),
      awardAmount: formatFenAsYuan(row.awardAmountFen),
    })),
    totalAward: formatFenTotalAsYuan(document.rows.map((row) => row.awardAmountFen)),
    note: labelledParagraph('注', document.nonDuplicationNote),
  };
}
