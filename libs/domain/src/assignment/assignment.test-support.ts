import { ConflictDossier, ConflictExpert } from '../conflicts/conflict-of-interest';

/** An active expert of their own organisation (a code derived from the id), with no ties. */
export function expert(expertId: string, overrides: Partial<ConflictExpert> = {}): ConflictExpert {
  return {
    expertId,
    organisationCreditCode: `ORG-${expertId}`,
    declaredConflictCreditCodes: [],
    fields: [],
    active: true,
    ...overrides,
  };
}

export function dossier(dossierId: string, overrides: Partial<ConflictDossier> = {}): ConflictDossier {
  return { dossierId, applicantCreditCode: `APPLICANT-${dossierId}`, excludedExpertIds: [], fields: [], ...overrides };
}

export function ids(count: number, prefix: string): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);
}
