import type { ConflictExpert } from '../conflicts';

export interface DeclaredConflict {
  readonly creditCode: string;
  readonly reason: string;
  readonly declaredAt: string;
}

export type ExpertState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active' | 'inactive';
      readonly expertId: string;
      readonly name: string;
      readonly organisationName: string;
      readonly organisationCreditCode: string;
      readonly fields: readonly string[];
      readonly conflicts: readonly DeclaredConflict[];
    };

export type RegisteredExpert = Exclude<ExpertState, { status: 'none' }>;

/** The expert as the conflict rules and the assignment planner see it. */
export function conflictExpertOf(state: RegisteredExpert): ConflictExpert {
  return {
    expertId: state.expertId,
    organisationCreditCode: state.organisationCreditCode,
    declaredConflictCreditCodes: state.conflicts.map((conflict) => conflict.creditCode),
    fields: [...state.fields],
    active: state.status === 'active',
  };
}
