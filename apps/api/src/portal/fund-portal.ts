import { FUND_DOCUMENT_KIND_TEXT, FUND_MEASURE_NAMES } from '@app/domain/funds';
import type { FundDocumentKind, FundSummaryRow, LedgerLine, NationalGrant } from '@app/domain/funds';
import { DomainRefusal } from '@app/domain/shared/refusal';
import { chineseDate, chineseTime, wanOfFen, yuanOfFen } from './zh-format';
import { FUND_DECISION_NAMES } from '../funds/shared/fund-decision-names';

/** How the portal words the fund ledger: measure, kind and decision names, and one row per line. */
export const LINE_KIND_NAMES: Record<string, string> = {
  'selection-award': '评选奖补',
  'voucher-allocation': '算力券核定',
  'voucher-tranche': '算力券发放',
  'voucher-redemption': '算力券兑付',
  'grant-commitment': '分年度支持安排',
  'grant-instalment': '年度拨付',
  'one-off-award': '一次性奖励',
};

// On the pages a top-up says which rule made it.
export const DECISION_NAMES: Record<string, string> = { ...FUND_DECISION_NAMES, 'top-up': '补差(就高原则)' };

export const CLAIM_STATUS_NAMES: Record<string, string> = { submitted: '待审核', approved: '审核通过,待安排', rejected: '不予通过', allocated: '已安排补贴' };
export const APPLICATION_STATUS_NAMES: Record<string, string> = { applied: '待决定', rejected: '不予支持', approved: '已批准(分年度拨付)', awarded: '已奖励' };
export const INSTALMENT_STATUS_NAMES: Record<string, string> = { scheduled: '待拨付', paid: '已拨付', suspended: '已暂停' };

export function measureNameOf(line: Pick<LedgerLine, 'measure' | 'sourceTitle'>): string {
  return line.measure === 'selection-award' ? line.sourceTitle : FUND_MEASURE_NAMES[line.measure];
}

export function lineRow(line: LedgerLine, names?: ReadonlyMap<string, string>) {
  return {
    year: line.year,
    measure: measureNameOf(line),
    kind: LINE_KIND_NAMES[line.kind] ?? line.kind,
    organisation: names?.get(line.creditCode) ?? line.creditCode,
    creditCode: line.creditCode,
    project: line.project.title,
    basis: line.basis,
    committed: wanOfFen(line.committedFen),
    issued: line.measure === 'compute-voucher' ? wanOfFen(line.issuedFen) : '—',
    paid: wanOfFen(line.paidFen),
    decision: DECISION_NAMES[line.decision] ?? line.decision,
    reason: line.reason,
    decidedAt: chineseTime(line.decidedAt),
  };
}

export function summaryRow(row: FundSummaryRow) {
  return {
    measure: FUND_MEASURE_NAMES[row.measure],
    budget: row.budgetFen === null ? '未设预算' : wanOfFen(row.budgetFen),
    committed: wanOfFen(row.committedFen),
    issued: row.measure === 'compute-voucher' ? wanOfFen(row.issuedFen) : '—',
    paid: wanOfFen(row.paidFen),
    left: row.uncommittedFen === null ? '—' : wanOfFen(row.uncommittedFen),
    lines: row.lines,
  };
}

export function applicationRow(grant: NationalGrant) {
  return {
    id: grant.applicationId,
    measure: FUND_MEASURE_NAMES[grant.measure],
    measureCode: grant.measure,
    organisation: grant.organisationName,
    creditCode: grant.creditCode,
    project: grant.project.title,
    projectCode: grant.project.projectCode,
    status: APPLICATION_STATUS_NAMES[grant.status] ?? grant.status,
    pending: grant.status === 'applied',
    champion: grant.measure === 'national-champion',
    approval: { ...grant.approvalDocument, approvedOnText: chineseDate(grant.approvalDocument.approvedOn) },
    approvalHref: grant.approvalDocument.file ? documentHref(grant.creditCode, grant.approvalDocument.file.documentId) : null,
    declared: grant.declaredSupport.map((item) => ({
      ...item,
      paid: yuanOfFen(item.paidFen),
      receivedOnText: chineseDate(item.receivedOn),
      href: item.file ? documentHref(grant.creditCode, item.file.documentId) : null,
    })),
    rejectionReason: grant.rejectionReason,
    instalments: grant.instalments.map((instalment) => ({
      ...instalment,
      amount: wanOfFen(instalment.amountFen),
      paid: wanOfFen(instalment.paidFen),
      statusName: INSTALMENT_STATUS_NAMES[instalment.status] ?? instalment.status,
      open: instalment.status !== 'paid',
    })),
    award: grant.award ? { ...grant.award, amount: wanOfFen(grant.award.amountFen), paid: wanOfFen(grant.award.paidFen) } : null,
  };
}

const REFUSAL_STATUS = { conflict: 409, invalid: 400, forbidden: 403, 'not-found': 404 } as const;

/** The status a page answers with when a command was refused: the API's for the same refusal. */
export function statusOfProblem(error: unknown): number {
  if (error instanceof DomainRefusal) return REFUSAL_STATUS[error.kind];
  return (error as { getStatus?: () => number }).getStatus?.() ?? 409;
}

export const documentHref = (creditCode: string, documentId: string) => `/api/v1/fund-documents/${creditCode.toUpperCase()}/${documentId}`;

export const documentKindName = (kind: string) => FUND_DOCUMENT_KIND_TEXT[kind as FundDocumentKind] ?? kind;
