import { assertCreditCode } from '../credit-code';
import { isLater, requireText } from '../selection/checks';
import { requirePhase, SelectionFacts } from '../selection/selection.phase';
import { refuse } from '../shared/refusal';
import { validateAttachment } from './attachments';
import type {
  AddAttachment,
  DraftDossier,
  EditDossier,
  RemoveAttachment,
  SubmitDossier,
  WithdrawDossier,
} from './dossier.commands';
import { checkChanges, missingForSubmission } from './dossier-content';
import type { DossierEvent } from './dossier.events';
import {
  describeStatus,
  requireApplicantOrganisation,
  requireDossier,
  requireOwnSelection,
  requireStatus,
} from './dossier.guards';
import type { Dossier, DossierState } from './dossier.state';

export function decideDraft(command: DraftDossier, state: DossierState): DossierEvent[] {
  const { data, metadata } = command;
  if (state.status !== 'none') {
    throw refuse('dossier-already-drafted', `dossier ${state.dossierId} already exists; edit it instead`);
  }
  requireSubmissionWindow(data.selection, metadata.now, 'drafting a dossier');
  const applicantCreditCode = assertCreditCode(data.applicantCreditCode);
  requireApplicantOrganisation(metadata, applicantCreditCode, 'draft a dossier in its name');
  const { rules } = data.selection;
  const content = checkChanges(
    {
      title: data.title,
      projectCode: data.projectCode ?? null,
      tier: data.tier,
      fields: data.fields,
      declaredInvestmentFen: data.declaredInvestmentFen ?? null,
      excludedExpertIds: data.excludedExpertIds ?? [],
    },
    rules,
  );
  return [
    {
      type: 'DossierDrafted',
      data: {
        dossierId: requireText(data.dossierId, 'the dossier id', 64),
        selectionId: data.selection.selectionId,
        programme: data.selection.programme,
        applicantCreditCode,
        title: content.title as string,
        projectCode: content.projectCode ?? null,
        tier: content.tier as string,
        // An empty field is the same as no field (as an edit that empties one clears it).
        fields: Object.fromEntries(Object.entries(content.fields ?? {}).filter(([, value]) => value !== '')),
        declaredInvestmentFen: content.declaredInvestmentFen ?? null,
        excludedExpertIds: [...(content.excludedExpertIds ?? [])],
        draftedAt: metadata.now,
      },
    },
  ];
}

export function decideEdit(command: EditDossier, state: DossierState): DossierEvent[] {
  const dossier = requireApplicantWork(command, state, 'editing the dossier');
  const changes = checkChanges(command.data.changes, command.data.selection.rules);
  if (Object.keys(changes).length === 0) throw refuse('nothing-to-change', 'the edit changes nothing', 'invalid');
  return [{ type: 'DossierEdited', data: { dossierId: dossier.dossierId, changes, editedAt: command.metadata.now } }];
}

export function decideAddAttachment(command: AddAttachment, state: DossierState): DossierEvent[] {
  const dossier = requireApplicantWork(command, state, 'adding an attachment');
  const attachment = validateAttachment(
    command.data.attachment,
    command.data.selection.rules.attachments,
    dossier.attachments,
  );
  return [{ type: 'AttachmentAdded', data: { dossierId: dossier.dossierId, attachment, addedAt: command.metadata.now } }];
}

export function decideRemoveAttachment(command: RemoveAttachment, state: DossierState): DossierEvent[] {
  const dossier = requireApplicantWork(command, state, 'removing an attachment');
  const { attachmentId } = command.data;
  if (!dossier.attachments.some((attachment) => attachment.attachmentId === attachmentId)) {
    throw refuse('attachment-not-found', `the dossier has no attachment ${attachmentId}`, 'not-found');
  }
  return [
    { type: 'AttachmentRemoved', data: { dossierId: dossier.dossierId, attachmentId, removedAt: command.metadata.now } },
  ];
}

export function decideSubmit(command: SubmitDossier, state: DossierState): DossierEvent[] {
  const dossier = requireApplicantWork(command, state, 'submitting the dossier');
  const missing = missingForSubmission(dossier, command.data.selection.rules);
  if (missing.length > 0) {
    const list = missing.map((item) => `${item.name} (${item.kind === 'attachment' ? 'attachment ' : ''}${item.code})`);
    throw refuse('dossier-incomplete', `the dossier cannot be submitted yet; missing: ${list.join(', ')}`, 'invalid', {
      missing,
    });
  }
  return [
    {
      type: 'DossierSubmitted',
      data: {
        dossierId: dossier.dossierId,
        selectionId: dossier.selectionId,
        submittedAt: command.metadata.now,
        resubmission: dossier.status === 'returned',
      },
    },
  ];
}

export function decideWithdraw(command: WithdrawDossier, state: DossierState): DossierEvent[] {
  const dossier = requireDossier(state);
  const { selection } = command.data;
  requireOwnSelection(dossier, selection);
  requireApplicantOrganisation(command.metadata, dossier.applicantCreditCode, 'withdraw its dossier');
  requireStatus(dossier, ['draft', 'submitted', 'returned', 'passed'], 'withdrawing the dossier');
  // Once review closes the shortlist is frozen; leaving then goes through the notice and award steps.
  requirePhase(selection, ['open', 'formal-review', 'formal-review-closed', 'expert-review'], 'withdrawing a dossier');
  return [
    {
      type: 'DossierWithdrawn',
      data: {
        dossierId: dossier.dossierId,
        reason: requireText(command.data.reason, 'the reason for withdrawal', 500),
        withdrawnAt: command.metadata.now,
      },
    },
  ];
}

/**
 * The applicant works on a draft until the submission deadline, and on a dossier returned for
 * correction (补正) until the correction deadline.
 */
function requireApplicantWork(
  command: EditDossier | AddAttachment | RemoveAttachment | SubmitDossier,
  state: DossierState,
  action: string,
): Dossier {
  const dossier = requireDossier(state);
  const { selection } = command.data;
  requireOwnSelection(dossier, selection);
  requireApplicantOrganisation(command.metadata, dossier.applicantCreditCode, 'work on its dossier');
  requireStatus(dossier, ['draft', 'returned'], action);
  if (dossier.status === 'draft') {
    requireSubmissionWindow(selection, command.metadata.now, action);
    return dossier;
  }
  requirePhase(selection, ['formal-review'], action);
  if (dossier.correction && isLater(command.metadata.now, dossier.correction.deadline)) {
    throw refuse(
      'correction-deadline-passed',
      `${action} is not possible: ${describeStatus(dossier)}, and that deadline has passed`,
    );
  }
  return dossier;
}

function requireSubmissionWindow(selection: SelectionFacts, now: string, action: string): void {
  requirePhase(selection, ['open'], action);
  if (isLater(now, selection.submissionDeadline)) {
    throw refuse(
      'submission-closed',
      `${action} is not possible: submissions closed on ${selection.submissionDeadlineDate} (end of day, Beijing time)`,
    );
  }
}
