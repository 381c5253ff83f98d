import { isLocalDate } from '../calendar/local-date';
import type { LocalDate } from '../calendar/local-date';
import type { Fen } from '../shared/money';
import { refuse } from '../shared/refusal';
import { fundDocumentProblems } from './fund-document';
import type { FundDocument } from './fund-document';

/**
 * Other provincial support the applicant declares for the same project (我省其他同类政策措施), with
 * its document: counted by 不重复享受 as if it were a ledger line of another measure.
 */
export interface DeclaredSupport {
  /** e.g. 湘财企〔2026〕8号. */
  readonly documentNo: string;
  /** The measure or fund, e.g. 省制造强省专项资金. */
  readonly measureName: string;
  readonly paidFen: Fen;
  readonly receivedOn: LocalDate;
  /** The uploaded document of that support (PDF), kind support-document. */
  readonly file: FundDocument;
}

/** Refuses `invalid-declared-support` (kind invalid) with every problem of every item, in Chinese. */
export function assertDeclaredSupport(items: readonly DeclaredSupport[]): void {
  const problems: string[] = [];
  items.forEach((item, index) => {
    const at = `declaredSupport[${index}]`;
    if (typeof item.documentNo !== 'string' || item.documentNo.trim() === '') problems.push(`${at}.documentNo:请填写支持文件的文号`);
    if (typeof item.measureName !== 'string' || item.measureName.trim() === '') problems.push(`${at}.measureName:请填写获得支持的政策措施名称`);
    if (!Number.isSafeInteger(item.paidFen) || item.paidFen <= 0) problems.push(`${at}.paidFen:请填写已获支持金额(分,正整数)`);
    if (!isLocalDate(item.receivedOn)) problems.push(`${at}.receivedOn:请按 YYYY-MM-DD 填写获得支持的日期`);
    problems.push(...fundDocumentProblems(`${at}.documentId`, item.file, 'support-document'));
  });
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.documentNo)) problems.push(`declaredSupport:文件 ${item.documentNo} 重复申报`);
    seen.add(item.documentNo);
  }
  if (problems.length > 0) throw refuse('invalid-declared-support', `已获其他支持的申报有误:${problems.join(';')}`, 'invalid', { problems });
}
