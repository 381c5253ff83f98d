import type { LocalDate } from '../calendar/local-date';
import type { Fen } from '../shared/money';
import type { FundDocument } from './fund-document';
import type { VoucherAllocation, VoucherAllocationRule } from './voucher-allocation';

/** One compute-service invoice of the year (算力服务发票). */
export interface ComputeInvoice {
  readonly invoiceNo: string;
  readonly provider: string;
  readonly amountFen: Fen;
  readonly periodFrom: LocalDate;
  readonly periodTo: LocalDate;
}

/** An uploaded file of the claim (its kind is one of the call's required attachments). */
export type VoucherClaimAttachment = FundDocument;

export type VoucherCallEvent =
  | {
      type: 'VoucherCallOpened';
      data: {
        callId: string;
        year: number;
        title: string;
        budgetFen: Fen;
        rateBasisPoints: number;
        capFenPerEnterprise: Fen;
        allocationRule: VoucherAllocationRule;
        claimsOpenOn: LocalDate;
        claimsCloseOn: LocalDate;
        /** The last day the year's vouchers may be redeemed (absent on calls opened before it existed: 31 December of the year). */
        redeemableUntil?: LocalDate;
        requiredAttachments: readonly string[];
        openedAt: string;
      };
    }
  | {
      type: 'VoucherClaimSubmitted';
      data: {
        claimId: string;
        creditCode: string;
        organisationName: string;
        invoices: readonly ComputeInvoice[];
        attachments: readonly VoucherClaimAttachment[];
        declaredSpendFen: Fen;
        /** Submitted with every required attachment: the order of "first come". */
        completedAt: string;
      };
    }
  | { type: 'VoucherClaimApproved'; data: { claimId: string; eligibleSpendFen: Fen; standardFen: Fen; basis: string; note: string; approvedAt: string } }
  | { type: 'VoucherClaimRejected'; data: { claimId: string; reason: string; rejectedAt: string } }
  | {
      type: 'VouchersAllocated';
      data: {
        round: number;
        rule: VoucherAllocationRule;
        budgetFen: Fen;
        committedBeforeFen: Fen;
        allocations: readonly VoucherAllocation[];
        allocatedAt: string;
      };
    }
  | { type: 'VoucherTrancheIssued'; data: { claimId: string; creditCode: string; trancheNo: number; amountFen: Fen; issuedAt: string } }
  | {
      type: 'VoucherRedeemed';
      data: { claimId: string; creditCode: string; redemptionNo: number; amountFen: Fen; provider: string; reference: string; redeemedAt: string };
    };
