import type { Response } from 'express';
import { nationalGrantStreamOf } from '@app/domain/funds';
import type { NationalGrantState } from '@app/domain/funds';
import type { UnitOfWorkResult } from '@app/platform';
import { commandAccepted } from '../../http/command-response';

export function nationalGrantAnswer(response: Response, applicationId: string, result: UnitOfWorkResult<NationalGrantState>) {
  const state = result.value;
  const accepted = commandAccepted(response, applicationId, nationalGrantStreamOf(applicationId), result);
  if (state.status === 'none') return accepted;
  return {
    ...accepted,
    measure: state.measure,
    creditCode: state.creditCode,
    status: state.status,
    rejectionReason: state.rejectionReason,
    entitlementFen: state.entitlementFen,
    instalments: state.instalments,
    award: state.award,
  };
}
