import { assertLocalDate, endOfShanghaiDay, shanghaiDate } from '../calendar';
import { resolveCallRules } from '../programmes';
import { refuse } from '../shared/refusal';
import { isLater, requireRole } from './checks';
import type { CloseFormalReview, CloseSubmissions, OpenCall } from './selection.commands';
import type { SelectionEvent } from './selection.events';
import { batchLabel, selectionIdOf } from './selection.ids';
import { requirePhase } from './selection.phase';
import type { Selection, SelectionState } from './selection.state';

const MAX_BATCH = 20;

export function requireSelection(state: SelectionState): Selection {
  if (state.phase === 'none') throw refuse('selection-not-opened', 'no call has been opened for this selection', 'not-found');
  return state;
}

export function decideOpenCall(command: OpenCall, state: SelectionState): SelectionEvent[] {
  requireRole(command.metadata, ['admin'], 'open a call');
  const { programme, year, rules, overrides = {} } = command.data;
  const batch = command.data.batch ?? null;
  if (state.phase !== 'none') {
    throw refuse('selection-already-opened', `the call for ${state.selectionId} was already opened`);
  }
  if (rules.code !== programme) {
    throw refuse('programme-mismatch', `the rules given are those of ${rules.code}, not ${programme}`, 'invalid');
  }
  if (!Number.isSafeInteger(year) || year < 2025 || year > 2100) {
    throw refuse('invalid-year', `the year must be 2025 or later (the plan's first year), got ${year}`, 'invalid');
  }
  if (batch !== null && (!Number.isSafeInteger(batch) || batch < 1 || batch > MAX_BATCH)) {
    throw refuse('invalid-batch', `a batch is numbered 1 to ${MAX_BATCH}, got ${batch}`, 'invalid');
  }
  const deadlineDate = assertLocalDate(command.data.submissionDeadlineDate, 'the submission deadline');
  const today = shanghaiDate(command.metadata.now);
  if (deadlineDate <= today) {
    throw refuse('deadline-not-ahead', `the submission deadline ${deadlineDate} must be after today (${today})`, 'invalid');
  }
  const callRules = resolveCallRules(rules, overrides);
  const label = batch === null ? null : batchLabel(batch);
  return [
    {
      type: 'SelectionOpened',
      data: {
        selectionId: selectionIdOf(programme, year, batch),
        programme,
        year,
        batch,
        batchLabel: label,
        title: `${year}年湖南省“人工智能+”${callRules.name}${label ? `(${label})` : ''}评选`,
        rules: callRules,
        // Only what the call set, so the event reads the same after a JSON round trip.
        overrides: Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)),
        quotas: callRules.tiers.map((tier) => ({ tier: tier.code, name: tier.name, quota: tier.quota })),
        submissionDeadlineDate: deadlineDate,
        submissionDeadline: endOfShanghaiDay(deadlineDate),
        openedAt: command.metadata.now,
      },
    },
  ];
}

export function decideCloseSubmissions(command: CloseSubmissions, state: SelectionState): SelectionEvent[] {
  requireRole(command.metadata, ['admin'], 'close submissions');
  const selection = requireSelection(state);
  requirePhase(selection, ['open'], 'closing submissions');
  // Applicants were promised the whole deadline day; closing early would cut it short.
  if (!isLater(command.metadata.now, selection.submissionDeadline)) {
    throw refuse(
      'submissions-still-open',
      `submissions are open until the end of ${selection.submissionDeadlineDate} (Beijing time); close them after that`,
    );
  }
  return [{ type: 'SubmissionsClosed', data: { selectionId: selection.selectionId, closedAt: command.metadata.now } }];
}

export function decideCloseFormalReview(command: CloseFormalReview, state: SelectionState): SelectionEvent[] {
  requireRole(command.metadata, ['admin'], 'close formal review');
  const selection = requireSelection(state);
  requirePhase(selection, ['formal-review'], 'closing formal review');
  const { awaitingDecision, passedDossierIds } = command.data;
  if (awaitingDecision.length > 0) {
    throw refuse(
      'formal-review-incomplete',
      `${awaitingDecision.length} dossier(s) still await a formal-review decision (pass, reject, or a correction ` +
        `still due): ${awaitingDecision.join(', ')}`,
      'conflict',
      { awaitingDecision },
    );
  }
  if (new Set(passedDossierIds).size !== passedDossierIds.length) {
    throw refuse('invalid-dossier-list', 'a dossier is listed as passed more than once', 'invalid');
  }
  return [
    {
      type: 'FormalReviewClosed',
      data: { selectionId: selection.selectionId, passedDossierIds: [...passedDossierIds], closedAt: command.metadata.now },
    },
  ];
}
