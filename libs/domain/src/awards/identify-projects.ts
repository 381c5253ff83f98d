import { yuanText } from './yuan-text';
import type { EarlierAward } from './non-duplication';
import { compareProjectFacts, compareProjects, compareWithEarlier, declarationFor, IDENTITY_CONFLICT_TEXT } from './project-identity';
import type { IdentityConflict, IdentityDeclaration, ProjectFacts } from './project-identity';
import { refuse } from '../shared/refusal';

export interface ProjectMatches {
  readonly same: { award: EarlierAward; basis: 'code' | 'title' | 'declared' }[];
  readonly declaredDifferent: string[];
}

/**
 * Every listed dossier against the earlier awards of its applicant and against the other dossiers on
 * this list (see compareProjects). Refuses the same project listed twice (`duplicate-project`), and
 * holds the decision (`project-identity-unclear`) while any pair's code and title point different
 * ways without the admin's declaration; a declaration that names no such pair is refused too.
 */
export function identifyProjects(
  listed: readonly ProjectFacts[],
  earlier: readonly EarlierAward[],
  declarations: readonly IdentityDeclaration[],
): Map<string, ProjectMatches> {
  const facts = (award: EarlierAward): ProjectFacts => ({
    dossierId: award.dossierId,
    applicantCreditCode: award.applicantCreditCode,
    projectCode: award.projectCode,
    title: award.title,
  });
  const conflicts: UnclearPair[] = [];
  const duplicates: string[][] = [];
  const settled = new Set<IdentityDeclaration>();
  const matches = new Map<string, ProjectMatches>();
  const settle = (a: string, b: string) => {
    const declared = declarationFor(declarations, a, b);
    if (declared) settled.add(declared);
  };
  for (const [index, input] of listed.entries()) {
    const own: ProjectMatches = { same: [], declaredDifferent: [] };
    const compared = compareWithEarlier(input, earlier.map(facts), declarations);
    for (const [position, award] of earlier.entries()) {
      const { evidence, verdict } = compared[position];
      if (evidence.kind === 'conflict') settle(input.dossierId, award.dossierId);
      if (verdict.kind === 'conflict') conflicts.push({ conflict: verdict.conflict, dossier: input, other: { ...facts(award), earlier: award } });
      else if (verdict.kind === 'same') own.same.push({ award, basis: verdict.basis });
      else if (verdict.basis === 'declared') own.declaredDifferent.push(award.dossierId);
    }
    for (const other of listed.slice(index + 1)) {
      const evidence = compareProjectFacts(input, other);
      const verdict = compareProjects(input, other, declarations);
      if (evidence.kind === 'conflict') settle(input.dossierId, other.dossierId);
      if (verdict.kind === 'conflict') conflicts.push({ conflict: verdict.conflict, dossier: input, other: { ...other, earlier: null } });
      else if (verdict.kind === 'same') duplicates.push([input.dossierId, other.dossierId]);
      else if (verdict.basis === 'declared') own.declaredDifferent.push(other.dossierId);
    }
    matches.set(input.dossierId, own);
  }
  const unneeded = declarations.filter((declaration) => !settled.has(declaration));
  if (unneeded.length > 0) {
    const list = unneeded.map((declaration) => `${declaration.dossierId} 与 ${declaration.otherDossierId}`).join('、');
    throw refuse(
      'identity-declaration-unneeded',
      `以下声明不对应任何项目编号与名称相互矛盾的申报,请删去后重试:${list}(编号与名称一致时由系统判定,无需声明)`,
      'invalid',
      { declarations: unneeded },
    );
  }
  if (duplicates.length > 0) {
    throw refuse(
      'duplicate-project',
      `the same project is selected more than once: ${duplicates.map((ids) => ids.join(' and ')).join('; ')}`,
      'conflict',
      { duplicates },
    );
  }
  if (conflicts.length > 0) throw unclearIdentity(conflicts);
  return matches;
}

interface UnclearPair {
  readonly conflict: IdentityConflict;
  readonly dossier: ProjectFacts;
  readonly other: ProjectFacts & { earlier: EarlierAward | null };
}

function describe(facts: ProjectFacts, where: string): string {
  return `《${facts.title}》(项目编号 ${facts.projectCode ?? '无'},${where},申报 ${facts.dossierId})`;
}

/** The hold: both candidates of each pair, and how to settle it. */
function unclearIdentity(pairs: readonly UnclearPair[]) {
  const lines = pairs.map(({ conflict, dossier, other }) => {
    const where = other.earlier ? `已于《${other.earlier.selectionTitle}》获支持 ${yuanText(other.earlier.paidFen)}` : '本次名单';
    return `申报单位 ${dossier.applicantCreditCode}:${describe(dossier, '本次名单')} 与 ${describe(other, where)},${IDENTITY_CONFLICT_TEXT[conflict]}`;
  });
  return refuse(
    'project-identity-unclear',
    `无法确定以下申报是否为同一项目,奖补暂缓决定:${lines.join(';')}。请核实后在请求的 identityDeclarations 中逐对声明` +
      ` { dossierId, otherDossierId, sameProject }(true 为同一项目,按不重复享受处理;false 为不同项目),再次提交。`,
    'conflict',
    {
      candidates: pairs.map(({ conflict, dossier, other }) => ({
        conflict,
        dossier: { dossierId: dossier.dossierId, applicantCreditCode: dossier.applicantCreditCode, projectCode: dossier.projectCode, title: dossier.title },
        other: {
          dossierId: other.dossierId,
          applicantCreditCode: other.applicantCreditCode,
          projectCode: other.projectCode,
          title: other.title,
          ...(other.earlier ? { selectionId: other.earlier.selectionId, selectionTitle: other.earlier.selectionTitle, paidFen: other.earlier.paidFen } : {}),
        },
      })),
    },
  );
}
