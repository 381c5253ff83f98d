import type { LocalDate } from '../calendar/local-date';
import type { CommandMetadata } from '../shared/command-metadata';
import type { Fen } from '../shared/money';
import type { ComputeInvoice, VoucherClaimAttachment } from './compute-voucher.events';
import type { VoucherAllocationRule } from './voucher-allocation';

export type VoucherCallCommand =
  | {
      type: 'OpenVoucherCall';
      data: { year: number; allocationRule: VoucherAllocationRule; claimsOpenOn: LocalDate; claimsCloseOn: LocalDate; budgetFen?: Fen; redeemableUntil?: LocalDate };
      metadata: CommandMetadata;
    }
  | {
      type: 'SubmitVoucherClaim';
      data: { claimId: string; creditCode: string; organisationName: string; invoices: readonly ComputeInvoice[]; attachments: readonly VoucherClaimAttachment[] };
      metadata: CommandMetadata;
    }
  | { type: 'ApproveVoucherClaim'; data: { claimId: string; eligibleSpendFen: Fen; note?: string }; metadata: CommandMetadata }
  | { type: 'RejectVoucherClaim'; data: { claimId: string; reason: string }; metadata: CommandMetadata }
  | { type: 'AllocateVouchers'; data: Record<string, never>; metadata: CommandMetadata }
  | { type: 'IssueVoucherTranche'; data: { claimId: string; amountFen: Fen }; metadata: CommandMetadata }
  | { type: 'RedeemVoucher'; data: { claimId: string; amountFen: Fen; provider: string; reference: string }; metadata: CommandMetadata };
