import type { AwardListDocument, AwardListRow, AwardStandard } from '../annex.types';
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
  standard: string;
  awardAmount: string;
  explanation: string;
}

export type AwardListLine = AwardListColumns;

export const AWARD_LIST_COLUMNS: AwardListColumns = {
  serial: '序号',
  organisation: '申报单位',
  projectTitle: '项目名称',
  approvedInvestment: '核定投资额',
  standard: '支持标准',
  awardAmount: '奖补金额',
  explanation: '说明',
};

export const AWARD_LIST_TOTAL_LABEL = '合计';

/** Columns before 奖补金额, which the 合计 label spans. */
export const AWARD_LIST_COLUMNS_BEFORE_AMOUNT = 5;

/** 2000 basis points → "20%", 1250 → "12.5%": exact, from integers. */
export function ratePercent(rateBasisPoints: number): string {
  if (!Number.isSafeInteger(rateBasisPoints) || rateBasisPoints < 0) {
    throw new RangeError(`a rate must be whole basis points ≥ 0, got ${rateBasisPoints}`);
  }
  const whole = Math.floor(rateBasisPoints / 100);
  const fraction = String(rateBasisPoints % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction === '' ? `${whole}%` : `${whole}.${fraction}%`;
}

/** 支持标准: "1,600,000.00 元(核定投资额×20%,最高 2,000,000.00 元)". */
export function standardText(standard: AwardStandard): string {
  return `${formatFenAsYuan(standard.standardFen)}(核定投资额×${ratePercent(standard.rateBasisPoints)},最高 ${formatFenAsYuan(standard.capFen)})`;
}

/**
 * 奖补金额 as printed: the amount paid, marked (补差) on a top-up; a project not paid again says so
 * in words, never as a bare 0.00 元 that reads like an award of nothing.
 */
export function awardAmountText(row: Pick<AwardListRow, 'awardAmountFen' | 'decision'>): string {
  switch (row.decision) {
    case 'not-paid':
      if (row.awardAmountFen !== 0) throw new RangeError(`a line not paid must pay 0 fen, got ${row.awardAmountFen}`);
      return '不予重复支持';
    case 'top-up':
      return `${formatFenAsYuan(row.awardAmountFen)}(补差)`;
    case 'paid':
      return formatFenAsYuan(row.awardAmountFen);
    default:
      throw new RangeError(`unknown award decision: ${JSON.stringify(row.decision)}`);
  }
}

/** 说明: the standard paid in full, or why not (不重复享受 / 就高原则, naming the earlier selection). */
export function explanationText(row: Pick<AwardListRow, 'decision' | 'reason'>): string {
  return row.decision === 'paid' ? '按标准支持' : row.reason;
}

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
      standard: standardText(row.standard),
      awardAmount: awardAmountText(row),
      explanation: explanationText(row),
    })),
    totalAward: formatFenTotalAsYuan(document.rows.map((row) => row.awardAmountFen)),
    note: labelledParagraph('注', document.nonDuplicationNote),
  };
}
