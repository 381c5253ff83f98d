import type { LocalDate } from '../calendar/local-date';
import type { Fen } from '../shared/money';
import type { DeclaredSupport } from './declared-support';
import type { FundDocument } from './fund-document';
import type { CountedSupport } from './support-rule';

export type NationalMeasure = 'national-platform' | 'national-champion';

/** The national approval (国家级认定/批复文件) the application rests on. */
export interface ApprovalDocument {
  readonly documentNo: string;
  readonly issuer: string;
  readonly approvedOn: LocalDate;
  /** The uploaded document (PDF), kind approval-document. */
  readonly file: FundDocument;
}

export interface ScheduledInstalment {
  readonly instalment: number;
  readonly year: number;
  readonly amountFen: Fen;
}

export interface SupportDecision {
  readonly paidFen: Fen;
  readonly decision: 'paid' | 'top-up' | 'not-paid';
  readonly reason: string;
  readonly counted: readonly CountedSupport[];
  readonly sameProjectAs: readonly string[];
}

export type NationalGrantEvent =
  | {
      type: 'NationalGrantApplied';
      data: {
        applicationId: string;
        measure: NationalMeasure;
        creditCode: string;
        organisationName: string;
        project: { projectCode: string | null; title: string };
        approvalDocument: ApprovalDocument;
        declaredSupport: readonly DeclaredSupport[];
        appliedAt: string;
      };
    }
  | { type: 'NationalGrantRejected'; data: { applicationId: string; reason: string; rejectedAt: string } }
  | { type: 'NationalPlatformGrantApproved'; data: { applicationId: string; schedule: readonly ScheduledInstalment[]; entitlementFen: Fen; approvedAt: string } }
  | {
      type: 'NationalChampionAwarded';
      data: { applicationId: string; amountFen: Fen; capFen: Fen; award: SupportDecision; awardedAt: string };
    }
  | {
      type: 'GrantInstalmentDecided';
      data: { applicationId: string; instalment: number; year: number; dueFen: Fen; entitlementSoFarFen: Fen; resumed: boolean; award: SupportDecision; decidedAt: string };
    }
  | { type: 'GrantInstalmentSuspended'; data: { applicationId: string; instalment: number; year: number; reason: string; suspendedAt: string } };
