import { IDENTITY_CONFLICT_TEXT } from '@app/domain/awards';
import type { IdentityConflict, IdentityDeclaration } from '@app/domain/awards';
import { DomainRefusal } from '@app/domain/shared/refusal';
import { yuanOfFen } from './zh-format';

/**
 * 确定奖补 held by `project-identity-unclear`: the pairs of projects whose code and title point
 * different ways, shown side by side on the confirmation page with a choice per pair (同一项目 /
 * 不同项目); the choices go back to DecideAwards as its identityDeclarations.
 */

interface CandidateProject {
  readonly dossierId: string;
  readonly applicantCreditCode: string;
  readonly projectCode: string | null;
  readonly title: string;
  readonly selectionTitle?: string;
  readonly paidFen?: number;
}

interface Candidate {
  readonly conflict: IdentityConflict;
  readonly dossier: CandidateProject;
  readonly other: CandidateProject;
}

export interface ProjectView {
  readonly title: string;
  readonly href: string;
  readonly projectCode: string;
  readonly organisation: string;
  readonly where: string;
}

export interface IdentityPairView {
  readonly index: number;
  readonly field: string;
  readonly dossierId: string;
  readonly otherDossierId: string;
  readonly conflict: string;
  readonly dossier: ProjectView;
  readonly other: ProjectView;
}

const FIELD = 'identity-';
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** What the page says above the pairs (the refusal's own text names the API's fields). */
export const IDENTITY_HOLD_TEXT =
  '下列项目的项目编号与名称相互矛盾,系统无法判定是否为同一项目,奖补暂缓决定。请逐对核实后选择“同一项目”(按不重复享受处理)或“不同项目”,再确定奖补。';

function candidatesOf(error: unknown): readonly Candidate[] | null {
  if (!(error instanceof DomainRefusal) || error.code !== 'project-identity-unclear') return null;
  return (error.details?.candidates ?? []) as readonly Candidate[];
}

/** The applicants the hold names, to look up their names. */
export function holdCreditCodes(error: unknown): string[] {
  return [...new Set((candidatesOf(error) ?? []).flatMap(({ dossier, other }) => [dossier.applicantCreditCode, other.applicantCreditCode]))];
}

/** The hold's pairs, or null when the error is anything else. */
export function identityHoldOf(error: unknown, organisationNames: ReadonlyMap<string, string>): IdentityPairView[] | null {
  const candidates = candidatesOf(error);
  if (!candidates) return null;
  const project = (facts: CandidateProject, earlier: boolean): ProjectView => {
    const name = organisationNames.get(facts.applicantCreditCode);
    return {
      title: facts.title,
      href: `/admin/dossiers/${encodeURIComponent(facts.dossierId)}`,
      projectCode: facts.projectCode ?? '未填写',
      organisation: name ? `${name}(统一社会信用代码 ${facts.applicantCreditCode})` : `统一社会信用代码 ${facts.applicantCreditCode}`,
      where: earlier ? `已于《${facts.selectionTitle ?? ''}》获支持 ${yuanOfFen(facts.paidFen ?? 0)}` : '本次公示名单',
    };
  };
  return candidates.map((candidate, index) => ({
    index: index + 1,
    field: `${FIELD}${index}`,
    dossierId: candidate.dossier.dossierId,
    otherDossierId: candidate.other.dossierId,
    conflict: IDENTITY_CONFLICT_TEXT[candidate.conflict] ?? candidate.conflict,
    dossier: project(candidate.dossier, false),
    other: project(candidate.other, candidate.other.selectionTitle !== undefined),
  }));
}

/**
 * The administrator's choices on the hold's form: `identity-N` is `same` or `different`, with the pair
 * in `identity-N-dossier` and `identity-N-other`. `unanswered` counts pairs shown but not chosen.
 */
export function identityDeclarationsOf(body: Record<string, unknown>): { declarations: IdentityDeclaration[]; unanswered: number } {
  const declarations: IdentityDeclaration[] = [];
  let unanswered = 0;
  for (let index = 0; index < 200 && text(body[`${FIELD}${index}-dossier`]); index += 1) {
    const choice = text(body[`${FIELD}${index}`]);
    if (choice !== 'same' && choice !== 'different') {
      unanswered += 1;
      continue;
    }
    declarations.push({ dossierId: text(body[`${FIELD}${index}-dossier`]), otherDossierId: text(body[`${FIELD}${index}-other`]), sameProject: choice === 'same' });
  }
  return { declarations, unanswered };
}

/** Form fields of the hold, which the confirmation page must not send back as hidden values. */
export function isIdentityField(name: string): boolean {
  return name.startsWith(FIELD);
}
