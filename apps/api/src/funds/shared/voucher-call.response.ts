import type { Response } from 'express';
import { voucherBalances, voucherCallStreamOf } from '@app/domain/funds';
import type { VoucherCallState } from '@app/domain/funds';
import type { Actor } from '@app/domain/shared/command-metadata';
import type { UnitOfWorkResult } from '@app/platform';
import { commandAccepted } from '../../http/command-response';
import { fundDocumentHref } from '../fund-documents/fund-document-store';

/**
 * A year's 算力券 call as the caller may see it: its terms, budget use, and the claims (invoices and
 * uploaded files with their download links) and balances — an admin every enterprise's, an applicant
 * only its own.
 */
export function voucherCallView(state: Extract<VoucherCallState, { status: 'open' }>, actor: Actor) {
  const visible = (creditCode: string) => actor.role === 'admin' || actor.organisationCreditCode?.toUpperCase() === creditCode;
  const { call } = state;
  return {
    year: call.year,
    title: call.title,
    allocationRule: call.allocationRule,
    claimsOpenOn: call.claimsOpenOn,
    claimsCloseOn: call.claimsCloseOn,
    redeemableUntil: call.redeemableUntil,
    budgetFen: call.budgetFen,
    committedFen: call.committedFen,
    claims: Object.values(state.claims)
      .filter((claim) => visible(claim.creditCode))
      .map((claim) => ({
        claimId: claim.claimId,
        creditCode: claim.creditCode,
        organisationName: claim.organisationName,
        status: claim.status,
        declaredSpendFen: claim.declaredSpendFen,
        eligibleSpendFen: claim.eligibleSpendFen,
        completedAt: claim.completedAt,
        invoices: claim.invoices,
        attachments: claim.attachments.map((attachment) => ({ ...attachment, href: fundDocumentHref(claim.creditCode, attachment.documentId) })),
        standardFen: claim.standardFen,
        basis: claim.basis,
        grantedFen: claim.grantedFen,
        allocationReason: claim.allocationReason,
        rejectionReason: claim.rejectionReason,
      })),
    balances: voucherBalances(state).filter((balance) => visible(balance.creditCode)),
  };
}

/** What a 算力券 command answers: the call's id and revision, and the call as the caller may see it. */
export function voucherCallAnswer(response: Response, year: number, result: UnitOfWorkResult<VoucherCallState>, actor: Actor) {
  const state = result.value;
  const accepted = commandAccepted(response, voucherCallStreamOf(year), voucherCallStreamOf(year), result);
  if (state.status !== 'open') return accepted;
  return { ...accepted, ...voucherCallView(state, actor) };
}
