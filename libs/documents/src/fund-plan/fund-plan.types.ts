/**
 * The yearly 资金安排表: every money decision of the year under 附件5, by measure, and per measure the
 * budget, what was committed, issued (算力券) and paid. Amounts in whole fen; the layout turns them
 * into yuan. Built from the fund ledger (libs/domain funds: ledger lines and summariseFunds).
 */
export interface FundPlanDocument {
  readonly year: number;
  /** 湘政发〔2025〕7号 */
  readonly documentNo: string;
  readonly summary: readonly FundPlanSummaryRow[];
  readonly lines: readonly FundPlanLine[];
  /** The closing rule of 附件5, printed as the note. */
  readonly nonDuplicationClause: string;
}

export interface FundPlanSummaryRow {
  readonly measureName: string;
  readonly budgetFen: number | null;
  readonly committedFen: number;
  readonly issuedFen: number;
  readonly paidFen: number;
}

export interface FundPlanLine {
  readonly measureName: string;
  readonly organisationName: string;
  readonly projectTitle: string;
  /** The standard in words, e.g. 一次性奖励 800,000.00 元(上限 1,000,000.00 元). */
  readonly basis: string;
  readonly committedFen: number;
  readonly issuedFen: number;
  readonly paidFen: number;
  /** Why, in Chinese (不重复享受 / 就高原则 / 预算 / 暂停…). */
  readonly reason: string;
}
