import { assertLocalDate, endOfShanghaiDay, shanghaiDate } from '../calendar';
import { isMoneyProgramme } from '../programmes';
import { optionalText, requireRole, requireText } from '../selection/checks';
import { requirePhase } from '../selection/selection.phase';
import { refuse } from '../shared/refusal';
import type { PassFormalReview, RejectDossier, ReturnForCorrection } from './dossier.commands';
import type { DossierEvent } from './dossier.events';
import { requireDossier, requireOwnSelection, requireStatus } from './dossier.guards';
import type { Dossier, DossierState } from './dossier.state';

type FormalReviewCommand = PassFormalReview | ReturnForCorrection | RejectDossier;

/** 形式审查 passed; money programmes fix 核定投资额 here, never above what was declared. */
export function decidePass(command: PassFormalReview, state: DossierState): DossierEvent[] {
  const dossier = requireFormalReview(command, state, ['submitted'], 'passing formal review');
  const { rules } = command.data.selection;
  const approved = command.data.approvedInvestmentFen ?? null;
  if (isMoneyProgramme(rules)) {
    if (approved === null) {
      throw refuse('approved-investment-missing', `${rules.name} needs the approved investment (核定投资额) to pass`, 'invalid');
    }
    if (!Number.isSafeInteger(approved) || approved < 1) {
      throw refuse('invalid-investment', `the approved investment must be a whole number of fen above 0, got ${approved}`, 'invalid');
    }
    // The rules guarantee a declaration for money programmes; submission checked it is there.
    const declared = dossier.declaredInvestmentFen ?? 0;
    if (approved > declared) {
      throw refuse(
        'approved-above-declared',
        `the approved investment (${approved} fen) cannot exceed the declared investment (${declared} fen)`,
        'invalid',
      );
    }
  } else if (approved !== null) {
    throw refuse('investment-not-applicable', `${rules.name} grants policy preference; there is no approved investment`, 'invalid');
  }
  return [
    {
      type: 'FormalReviewPassed',
      data: {
        dossierId: dossier.dossierId,
        approvedInvestmentFen: approved,
        note: optionalText(command.data.note, 'the note', 1000),
        reviewedBy: command.metadata.actor.id,
        passedAt: command.metadata.now,
      },
    },
  ];
}

/** 补正: the applicant may correct and resubmit until the end of the correction deadline. */
export function decideReturn(command: ReturnForCorrection, state: DossierState): DossierEvent[] {
  const dossier = requireFormalReview(command, state, ['submitted'], 'returning the dossier for correction');
  const deadlineDate = assertLocalDate(command.data.correctionDeadlineDate, 'the correction deadline');
  const today = shanghaiDate(command.metadata.now);
  if (deadlineDate < today) {
    throw refuse('correction-deadline-past', `the correction deadline ${deadlineDate} is before today (${today})`, 'invalid');
  }
  return [
    {
      type: 'DossierReturnedForCorrection',
      data: {
        dossierId: dossier.dossierId,
        reason: requireText(command.data.reason, 'what needs correcting', 2000),
        correctionDeadlineDate: deadlineDate,
        correctionDeadline: endOfShanghaiDay(deadlineDate),
        reviewedBy: command.metadata.actor.id,
        returnedAt: command.metadata.now,
      },
    },
  ];
}

/** A returned dossier can be rejected too, e.g. once its correction deadline has passed unused. */
export function decideReject(command: RejectDossier, state: DossierState): DossierEvent[] {
  const dossier = requireFormalReview(command, state, ['submitted', 'returned'], 'rejecting the dossier');
  return [
    {
      type: 'DossierRejected',
      data: {
        dossierId: dossier.dossierId,
        reason: requireText(command.data.reason, 'the reason for rejection', 2000),
        reviewedBy: command.metadata.actor.id,
        rejectedAt: command.metadata.now,
      },
    },
  ];
}

function requireFormalReview(
  command: FormalReviewCommand,
  state: DossierState,
  statuses: Dossier['status'][],
  action: string,
): Dossier {
  requireRole(command.metadata, ['admin'], 'decide in formal review');
  const dossier = requireDossier(state);
  requireOwnSelection(dossier, command.data.selection);
  requirePhase(command.data.selection, ['formal-review'], action);
  requireStatus(dossier, statuses, action);
  return dossier;
}
