import type { Response } from 'express';
import { voucherBalances, voucherCallStreamOf } from '@app/domain/funds';
import type { VoucherCallState } from '@app/domain/funds';
import type { Actor } from '@app/domain/shared/command-metadata';
import type { UnitOfWorkResult } from '@app/platform';
import { commandAccepted } from '../../http/command-response';

/**
 * What a 算力券 command answers: the call's id and revision, its budget use and the claims and balances
 * the caller may see (an admin every enterprise's, an applicant only its own).
 */
export function voucherCallAnswer(response: Response, year: number, result: UnitOfWorkResult<VoucherCallState>, actor: Actor) {
  const state = result.value;
  const accepted = commandAccepted(response, voucherCallStreamOf(year), voucherCallStreamOf(year), result);
  if (state.status !== 'open') return accepted;
  const visible = (creditCode: string) => actor.role === 'admin' || actor.organisationCreditCode?.toUpperCase() === creditCode;
  return {
    ...accepted,
    allocationRule: state.call.allocationRule,
    redeemableUntil: state.call.redeemableUntil,
    budgetFen: state.call.budgetFen,
    committedFen: state.call.committedFen,
    claims: Object.values(state.claims)
      .filter((claim) => visible(claim.creditCode))
      .map((claim) => ({
      claimId: claim.claimId,
      creditCode: claim.creditCode,
      status: claim.status,
      standardFen: claim.standardFen,
      grantedFen: claim.grantedFen,
      allocationReason: claim.allocationReason,
      rejectionReason: claim.rejectionReason,
    })),
    balances: voucherBalances(state).filter((balance) => visible(balance.creditCode)),
  };
}
