import { assertLocalDate, endOfShanghaiDay, instantToEpochMs, noticeWindow, shanghaiDate, WorkingDayCalendar } from '../calendar';
import { promoteReserve } from '../ranking';
import { refuse } from '../shared/refusal';
import { requireRole, requireText } from './checks';
import { requireSelection } from './decide-call';
import type { RecordObjectionOutcome, StartPublicNotice } from './selection.commands';
import type { SelectionEvent } from './selection.events';
import { requirePhase } from './selection.phase';
import { selectedDossierIdsOf, SelectionState } from './selection.state';

/**
 * 公示: N working days on the Chinese calendar given on the command (holidays and 调休 as loaded
 * by an administrator). A window reaching a year the calendar does not hold is refused.
 */
export function decideStartPublicNotice(command: StartPublicNotice, state: SelectionState): SelectionEvent[] {
  requireRole(command.metadata, ['admin'], 'start the public notice');
  const selection = requireSelection(state);
  requirePhase(selection, ['review-closed'], 'starting the public notice');
  const listed = selectedDossierIdsOf(selection);
  if (listed.length === 0) {
    throw refuse('nothing-to-publish', 'no dossier reached the shortlist, so there is nothing to put on notice');
  }
  const today = shanghaiDate(command.metadata.now);
  const requested = assertLocalDate(command.data.startsOn ?? today, 'the first day of the notice');
  if (requested < today) {
    throw refuse('notice-start-past', `the notice cannot start on ${requested}, before today (${today})`, 'invalid');
  }
  const calendar = new WorkingDayCalendar(command.data.calendarYears);
  const window = noticeWindow(calendar, requested, selection.rules.noticeWorkingDays);
  return [
    {
      type: 'PublicNoticeStarted',
      data: {
        selectionId: selection.selectionId,
        startsOn: window.startsOn,
        endsOn: window.endsOn,
        workingDays: window.workingDays,
        startsAt: startOfShanghaiDay(window.startsOn),
        endsAt: endOfShanghaiDay(window.endsOn),
        listedDossierIds: listed,
        calendarSources: command.data.calendarYears.map((year) => `${year.year}: ${year.source}`),
        startedAt: command.metadata.now,
      },
    },
  ];
}

/**
 * Carries a dossier's objection decision into the selection. Upheld: the dossier leaves the list
 * and the first reserve of its tier moves up (递补, promoteReserve). Dismissed: recorded only.
 */
export function decideRecordObjectionOutcome(command: RecordObjectionOutcome, state: SelectionState): SelectionEvent[] {
  requireRole(command.metadata, ['admin'], 'record objection outcomes');
  const selection = requireSelection(state);
  requirePhase(selection, ['notice'], 'recording an objection outcome');
  const { dossierId, objectionId, outcome } = command.data;
  if (selection.recordedObjectionIds.includes(objectionId)) {
    throw refuse('objection-already-recorded', `the outcome of objection ${objectionId} is already recorded`);
  }
  const finding = requireText(command.data.finding, 'the finding', 5000);
  const now = command.metadata.now;
  if (outcome === 'dismissed') {
    return [
      {
        type: 'ObjectionDismissalRecorded',
        data: { selectionId: selection.selectionId, dossierId, objectionId, finding, recordedAt: now },
      },
    ];
  }
  if (outcome !== 'upheld') throw refuse('invalid-outcome', `an outcome is upheld or dismissed, got ${outcome}`, 'invalid');
  if (selection.droppedDossierIds.includes(dossierId)) {
    throw refuse('already-dropped', `dossier ${dossierId} already left the list after an earlier objection`);
  }
  const { shortlist, promoted } = promoteReserve(selection.shortlist!, dossierId); // frozen since ReviewClosed
  return [
    {
      type: 'ShortlistEntryDropped',
      data: { selectionId: selection.selectionId, dossierId, objectionId, finding, promoted, shortlist, droppedAt: now },
    },
  ];
}

function startOfShanghaiDay(date: string): string {
  return new Date(instantToEpochMs(`${date}T00:00:00+08:00`)).toISOString();
}
