import { normaliseCreditCode } from '../credit-code/credit-code';

/** What 回避 needs to know of an expert in the pool. */
export interface ConflictExpert {
  readonly expertId: string;
  /** 统一社会信用代码 of the organisation the expert works for, if any. */
  readonly organisationCreditCode?: string;
  /** Organisations the expert declared ties to (former employer, shareholding, family, …). */
  readonly declaredConflictCreditCodes: readonly string[];
  /** Fields of expertise, e.g. 'manufacturing', 'medical'. */
  readonly fields: readonly string[];
  /** Only active experts may be assigned; inactivity is not a conflict and is handled by assignment. */
  readonly active: boolean;
}

export interface ConflictDossier {
  readonly dossierId: string;
  readonly applicantCreditCode: string;
  /** Experts the applicant asked to be kept away (申请回避), e.g. a competitor's adviser. */
  readonly excludedExpertIds: readonly string[];
  /** Experts who recused from this dossier (回避): they never return to it, whatever the scope. */
  readonly recusedExpertIds?: readonly string[];
  readonly fields: readonly string[];
}

export type ConflictCode = 'same-organisation' | 'declared-organisation' | 'excluded-by-applicant' | 'recused-from-dossier';

export interface Conflict {
  readonly code: ConflictCode;
  readonly reason: string;
}

/** Readable labels for conflict codes, used when explaining why experts were left out. */
export const CONFLICT_LABELS: Readonly<Record<ConflictCode, string>> = {
  'same-organisation': 'same organisation',
  'declared-organisation': 'declared tie',
  'excluded-by-applicant': 'excluded by applicant',
  'recused-from-dossier': 'recused from this dossier',
};

/**
 * Why the expert must not review the dossier (回避), or null. Credit codes are compared after
 * trimming and upper-casing, so '91430100ma4l0xxxxd ' is the same organisation as '91430100MA4L0XXXXD'.
 * When several conflicts apply, the first in the order above is reported.
 */
export function findConflict(expert: ConflictExpert, dossier: ConflictDossier): Conflict | null {
  const applicant = normaliseCreditCode(dossier.applicantCreditCode);
  if (expert.organisationCreditCode !== undefined && normaliseCreditCode(expert.organisationCreditCode) === applicant) {
    return {
      code: 'same-organisation',
      reason: `expert ${expert.expertId} works for the applicant of dossier ${dossier.dossierId} (${applicant})`,
    };
  }
  if (expert.declaredConflictCreditCodes.some((code) => normaliseCreditCode(code) === applicant)) {
    return {
      code: 'declared-organisation',
      reason: `expert ${expert.expertId} declared a tie to the applicant of dossier ${dossier.dossierId} (${applicant})`,
    };
  }
  if (dossier.excludedExpertIds.includes(expert.expertId)) {
    return {
      code: 'excluded-by-applicant',
      reason: `the applicant of dossier ${dossier.dossierId} asked that expert ${expert.expertId} not review it`,
    };
  }
  if (dossier.recusedExpertIds?.includes(expert.expertId)) {
    return { code: 'recused-from-dossier', reason: `expert ${expert.expertId} recused from dossier ${dossier.dossierId}` };
  }
  return null;
}

/** True when the expert knows a field the dossier is in (compared without case or surrounding spaces). */
export function sharesField(expert: ConflictExpert, dossier: ConflictDossier): boolean {
  const dossierFields = new Set(dossier.fields.map(normaliseField));
  return expert.fields.some((field) => dossierFields.has(normaliseField(field)));
}

/** How fields are compared: without case, width or surrounding spaces. */
export function normaliseField(field: string): string {
  return field.normalize('NFKC').trim().toLowerCase();
}

/**
 * findConflict for one pool against many dossiers without looking at every expert of the pool: the
 * experts are indexed once by their (normalised) organisation and declared ties, so
 * `conflictedWith(dossier)` costs the size of its answer — the ids of the pool's experts with any
 * conflict on the dossier, the same as those for which findConflict(expert, dossier) is not null.
 */
export function poolConflictIndex(experts: readonly ConflictExpert[]) {
  const byCode = new Map<string, string[]>();
  const index = (code: string, expertId: string) => {
    const ids = byCode.get(code);
    if (ids) ids.push(expertId);
    else byCode.set(code, [expertId]);
  };
  const inPool = new Set<string>();
  for (const expert of experts) {
    inPool.add(expert.expertId);
    const codes = new Set(expert.declaredConflictCreditCodes.map(normaliseCreditCode));
    if (expert.organisationCreditCode !== undefined) codes.add(normaliseCreditCode(expert.organisationCreditCode));
    for (const code of codes) index(code, expert.expertId);
  }
  return function conflictedWith(dossier: ConflictDossier): Set<string> {
    const conflicted = new Set(byCode.get(normaliseCreditCode(dossier.applicantCreditCode)) ?? []);
    for (const expertId of [...dossier.excludedExpertIds, ...(dossier.recusedExpertIds ?? [])]) {
      if (inPool.has(expertId)) conflicted.add(expertId);
    }
    return conflicted;
  };
}
