import { normaliseProjectTitle } from './project-key';

/**
 * "The same project" for 不重复享受, decided from what each dossier says of itself. A key built from
 * one field (the code when there is one, else the title) can be dodged by leaving the code out on
 * one side, so two dossiers are compared pairwise instead:
 *
 * | codes                  | titles (normalised) | verdict                                   |
 * |------------------------|---------------------|-------------------------------------------|
 * | both, equal            | equal               | same (code)                               |
 * | both, equal            | different           | conflict: same-code-different-title       |
 * | both, different        | equal               | conflict: same-title-different-code       |
 * | both, different        | different           | different (code)                          |
 * | one or none            | equal               | same (title)                              |
 * | one or none            | different           | different (title)                         |
 *
 * One more conflict comes from the applicant's history rather than the pair: a dossier without a code
 * whose title matches earlier projects that carry *different* codes cannot be the same as all of them
 * (same-title-several-codes; see compareWithEarlier).
 *
 * Dossiers of different applicants are never the same project. Where the evidence conflicts the
 * rule does not guess in either direction (guessing "different" pays public money twice, guessing
 * "same" withholds what is due): the award decision is held until an admin declares the pair the
 * same project or different projects (IdentityDeclaration); a declaration settles only a conflict.
 */
export interface ProjectFacts {
  readonly dossierId: string;
  readonly applicantCreditCode: string;
  readonly projectCode: string | null;
  readonly title: string;
}

export type IdentityConflict = 'same-code-different-title' | 'same-title-different-code' | 'same-title-several-codes';

export type IdentityVerdict =
  | { readonly kind: 'same'; readonly basis: 'code' | 'title' | 'declared' }
  | { readonly kind: 'different'; readonly basis: 'applicant' | 'code' | 'title' | 'declared' }
  | { readonly kind: 'conflict'; readonly conflict: IdentityConflict };

/** An admin's word on a pair whose code and title point different ways. */
export interface IdentityDeclaration {
  readonly dossierId: string;
  readonly otherDossierId: string;
  readonly sameProject: boolean;
}

/** The code reduced like a title (spaces, case, punctuation); null when there is none. */
export function normaliseProjectCode(code: string | null | undefined): string | null {
  const normalised = code === null || code === undefined ? '' : normaliseProjectTitle(code);
  return normalised === '' ? null : normalised;
}

/** The evidence alone, before any declaration. */
export function compareProjectFacts(a: ProjectFacts, b: ProjectFacts): IdentityVerdict {
  if (a.applicantCreditCode.toUpperCase() !== b.applicantCreditCode.toUpperCase()) return { kind: 'different', basis: 'applicant' };
  const [codeA, codeB] = [normaliseProjectCode(a.projectCode), normaliseProjectCode(b.projectCode)];
  const sameTitle = normaliseProjectTitle(a.title) === normaliseProjectTitle(b.title);
  if (codeA === null || codeB === null) return sameTitle ? { kind: 'same', basis: 'title' } : { kind: 'different', basis: 'title' };
  if (codeA === codeB) return sameTitle ? { kind: 'same', basis: 'code' } : { kind: 'conflict', conflict: 'same-code-different-title' };
  return sameTitle ? { kind: 'conflict', conflict: 'same-title-different-code' } : { kind: 'different', basis: 'code' };
}

/** The declaration about this pair, in either order, if any. */
export function declarationFor(
  declarations: readonly IdentityDeclaration[],
  a: string,
  b: string,
): IdentityDeclaration | undefined {
  return declarations.find(
    (declaration) =>
      (declaration.dossierId === a && declaration.otherDossierId === b) || (declaration.dossierId === b && declaration.otherDossierId === a),
  );
}

/** The evidence, with a conflict settled by the admin's declaration when there is one. */
export function compareProjects(a: ProjectFacts, b: ProjectFacts, declarations: readonly IdentityDeclaration[] = []): IdentityVerdict {
  const verdict = compareProjectFacts(a, b);
  if (verdict.kind !== 'conflict') return verdict;
  const declared = declarationFor(declarations, a.dossierId, b.dossierId);
  if (declared === undefined) return verdict;
  return declared.sameProject ? { kind: 'same', basis: 'declared' } : { kind: 'different', basis: 'declared' };
}

export const IDENTITY_CONFLICT_TEXT: Readonly<Record<IdentityConflict, string>> = {
  'same-code-different-title': '项目编号相同而项目名称不同',
  'same-title-different-code': '项目名称相同而项目编号不同',
  'same-title-several-codes': '项目名称相同,而该单位以此名称已有多个编号不同的项目',
};

/**
 * One dossier against each earlier award of its applicant: the evidence (before declarations) and
 * the verdict (after). A dossier without a code that matches, by title, earlier projects with two or
 * more different codes is held against each of those title matches (same-title-several-codes).
 */
export function compareWithEarlier(
  input: ProjectFacts,
  earlier: readonly ProjectFacts[],
  declarations: readonly IdentityDeclaration[] = [],
): { evidence: IdentityVerdict; verdict: IdentityVerdict }[] {
  const evidence = earlier.map((other) => compareProjectFacts(input, other));
  const byTitle = earlier.filter((_, index) => evidence[index].kind === 'same' && (evidence[index] as { basis: string }).basis === 'title');
  const codes = new Set(byTitle.map((other) => normaliseProjectCode(other.projectCode)).filter((code) => code !== null));
  const ambiguous = normaliseProjectCode(input.projectCode) === null && codes.size >= 2;
  return earlier.map((other, index) => {
    const base = evidence[index];
    const settled: IdentityVerdict =
      ambiguous && base.kind === 'same' && base.basis === 'title' ? { kind: 'conflict', conflict: 'same-title-several-codes' } : base;
    if (settled.kind !== 'conflict') return { evidence: settled, verdict: settled };
    const declared = declarationFor(declarations, input.dossierId, other.dossierId);
    const verdict: IdentityVerdict =
      declared === undefined ? settled : declared.sameProject ? { kind: 'same', basis: 'declared' } : { kind: 'different', basis: 'declared' };
    return { evidence: settled, verdict };
  });
}
