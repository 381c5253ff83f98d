import { shanghaiDate } from '../calendar/shanghai-time';
import { yuanText } from '../awards/yuan-text';
import { compareProjects } from '../awards/project-identity';
import type { IdentityDeclaration } from '../awards/project-identity';
import type { Fen } from '../shared/money';
import { refuse } from '../shared/refusal';
import type { DeclaredSupport } from './declared-support';
import type { LedgerLine } from './ledger-line';
import { isWithinValidity } from './policy-validity';
import type { PolicyValidity } from './policy-validity';

/**
 * 不重复享受 / 就高原则 across measures and years: "以上政策措施(算力券政策除外)与我省其他同类政策措施
 * 不重复享受,支持标准不一致的,按照“就高原则”执行". A decision of a measure other than 算力券 counts
 * what the same project received from the other measures' lines (all years, decided within the
 * validity) and from declared other provincial support, and pays only what brings the total up to
 * its own entitlement so far:
 *
 *   paid = clamp(entitlementSoFar − received elsewhere − paid earlier by this source, 0, due)
 *
 * e.g. a platform grant (3 × 500 万) after 150 万 from another measure pays 350 万, then 500 万,
 * 500 万: 1,500 万 in all, the higher standard; a 100 万 one-off after 150 万 pays nothing.
 */
export interface ProjectOfDecision {
  readonly lineKey: string;
  readonly creditCode: string;
  readonly projectCode: string | null;
  readonly title: string;
}

export interface CountedSupport {
  readonly ref: string;
  readonly sourceTitle: string;
  readonly paidFen: Fen;
  readonly declared: boolean;
}

export interface SupportRuleInput {
  readonly sourceId: string;
  readonly project: ProjectOfDecision;
  /** What this decision would pay on its own rule (this instalment, this award). */
  readonly dueFen: Fen;
  /** What the source's rule entitles the project to up to and including this decision. */
  readonly entitlementSoFarFen: Fen;
  /** Paid earlier by the same source (earlier instalments). */
  readonly paidBySourceFen: Fen;
  /** The organisation's ledger lines (every period it has). */
  readonly ledger: readonly LedgerLine[];
  readonly declared: readonly DeclaredSupport[];
  readonly identityDeclarations?: readonly IdentityDeclaration[];
  readonly validity: PolicyValidity;
}

export interface SupportRuleResult {
  readonly paidFen: Fen;
  readonly decision: 'paid' | 'top-up' | 'not-paid';
  readonly reason: string;
  readonly counted: readonly CountedSupport[];
  /** Line ids of the ledger found to be the same project. */
  readonly sameProjectAs: readonly string[];
}

export function applySupportRule(input: SupportRuleInput): SupportRuleResult {
  const { project } = input;
  const lines = input.ledger.filter(
    (line) =>
      line.measure !== 'compute-voucher' &&
      line.sourceId !== input.sourceId &&
      line.paidFen > 0 &&
      isWithinValidity(input.validity, shanghaiDate(line.decidedAt)),
  );
  const same: LedgerLine[] = [];
  for (const line of lines) {
    const verdict = compareProjects(
      { dossierId: project.lineKey, applicantCreditCode: project.creditCode, projectCode: project.projectCode, title: project.title },
      { dossierId: line.lineId, applicantCreditCode: line.creditCode, projectCode: line.project.projectCode, title: line.project.title },
      input.identityDeclarations ?? [],
    );
    if (verdict.kind === 'conflict') {
      throw refuse(
        'project-identity-unclear',
        `无法确定《${project.title}》(项目编号 ${project.projectCode ?? '无'})与《${line.sourceTitle}》中的《${line.project.title}》` +
          `(项目编号 ${line.project.projectCode ?? '无'})是否为同一项目,暂缓决定。请核实后在 identityDeclarations 中声明 { dossierId: "${project.lineKey}", otherDossierId: "${line.lineId}", sameProject } 再提交。`,
        'conflict',
        { lineKey: project.lineKey, otherLineId: line.lineId },
      );
    }
    if (verdict.kind === 'same') same.push(line);
  }
  const declared = input.declared.filter((item) => isWithinValidity(input.validity, item.receivedOn));
  const counted: CountedSupport[] = [
    ...same.map((line) => ({ ref: line.lineId, sourceTitle: line.sourceTitle, paidFen: line.paidFen, declared: false })),
    ...declared.map((item) => ({ ref: item.documentNo, sourceTitle: `${item.measureName}(${item.documentNo})`, paidFen: item.paidFen, declared: true })),
  ];
  const received = counted.reduce((total, item) => total + item.paidFen, 0);
  const open = input.entitlementSoFarFen - received - input.paidBySourceFen;
  const paidFen = Math.max(0, Math.min(input.dueFen, open));
  const sameProjectAs = same.map((line) => line.lineId);
  if (counted.length === 0) {
    return { paidFen, decision: 'paid', reason: `该项目未获其他同类支持,按标准支持 ${yuanText(paidFen)}`, counted, sameProjectAs };
  }
  const sources = `已于${counted.map((item) => `《${item.sourceTitle}》获支持 ${yuanText(item.paidFen)}`).join('、')}${counted.length > 1 ? `,合计 ${yuanText(received)}` : ''}`;
  if (paidFen === 0) {
    return {
      paidFen,
      decision: 'not-paid',
      reason: `不重复享受:${sources},不低于本项支持标准 ${yuanText(input.entitlementSoFarFen)},本次不予重复支持`,
      counted,
      sameProjectAs,
    };
  }
  if (paidFen === input.dueFen) {
    return { paidFen, decision: 'paid', reason: `${sources};按就高原则累计至本项标准 ${yuanText(input.entitlementSoFarFen)},本次按标准支持 ${yuanText(paidFen)}`, counted, sameProjectAs };
  }
  return {
    paidFen,
    decision: 'top-up',
    reason: `就高原则:${sources},按较高标准 ${yuanText(input.entitlementSoFarFen)} 补差 ${yuanText(paidFen)}`,
    counted,
    sameProjectAs,
  };
}
