import type { Response } from 'express';
import { voucherBalances, voucherCallStreamOf } from '@app/domain/funds';
import type { VoucherCallState } from '@app/domain/funds';
import type { UnitOfWorkResult } from '@app/platform';
import { commandAccepted } from '../../http/command-response';

/** What a 算力券 command answers: the call's id and revision, its budget use and each enterprise's balance. */
export function voucherCallAnswer(response: Response, year: number, result: UnitOfWorkResult<VoucherCallState>) {
  const state = result.value;
  const accepted = commandAccepted(response, voucherCallStreamOf(year), voucherCallStreamOf(year), result);
  if (state.status !== 'open') return accepted;
  return {
    ...accepted,
    allocationRule: state.call.allocationRule,
    budgetFen: state.call.budgetFen,
    committedFen: state.call.committedFen,
    claims: Object.values(state.claims).map((claim) => ({
      claimId: claim.claimId,
      creditCode: claim.creditCode,
      status: claim.status,
      standardFen: claim.standardFen,
      grantedFen: claim.grantedFen,
      allocationReason: claim.allocationReason,
      rejectionReason: claim.rejectionReason,
    })),
    balances: voucherBalances(state),
  };
}
