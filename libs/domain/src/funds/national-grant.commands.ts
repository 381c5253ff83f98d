import type { IdentityDeclaration } from '../awards/project-identity';
import type { CommandMetadata } from '../shared/command-metadata';
import type { Fen } from '../shared/money';
import type { DeclaredSupport } from './declared-support';
import type { LedgerLine } from './ledger-line';
import type { ApprovalDocument, NationalMeasure } from './national-grant.events';

/** What a money decision reads: the organisation's ledger lines (all its periods) and the admin's identity declarations. */
export interface LedgerFacts {
  readonly ledger: readonly LedgerLine[];
  readonly identityDeclarations?: readonly IdentityDeclaration[];
}

export type NationalGrantCommand =
  | {
      type: 'ApplyForNationalGrant';
      data: {
        applicationId: string;
        measure: NationalMeasure;
        creditCode: string;
        organisationName: string;
        project: { projectCode: string | null; title: string };
        approvalDocument: ApprovalDocument;
        declaredSupport: readonly DeclaredSupport[];
      };
      metadata: CommandMetadata;
    }
  | { type: 'RejectNationalGrant'; data: { reason: string }; metadata: CommandMetadata }
  | { type: 'ApproveNationalPlatformGrant'; data: LedgerFacts; metadata: CommandMetadata }
  | { type: 'AwardNationalChampion'; data: LedgerFacts & { amountFen: Fen }; metadata: CommandMetadata }
  | { type: 'DecideGrantInstalment'; data: LedgerFacts & { instalment: number; outcome: 'pay' | 'suspend'; reason?: string }; metadata: CommandMetadata };
