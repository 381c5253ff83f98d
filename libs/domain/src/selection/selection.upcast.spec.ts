// Events recorded before the plan's pairs left the selection stream are never rewritten: they are
// read through upcastSelectionEvent and fold to the same state as today's shape.
import { foldEvents } from '../shared/decider';
import { selectionDecider } from './selection.decider';
import type { SelectionEvent } from './selection.events';
import type { Selection } from './selection.state';
import { upcastSelectionEvent } from './selection.upcast';
import { closeFormalReview, closeSubmissions, dataOf, dossierIds, experts, openCall, planned, play, REVIEW_DAY, startExpertReview } from './selection.test-support';

const smallCall = openCall({ overrides: { quotas: { scenario: 3 } } });
const seven = dossierIds(7);
const formalReviewClosed = () => play([smallCall, closeSubmissions, closeFormalReview(seven)]);

/** The event as it was stored before: every pair, every unfilled dossier, every load. */
function recordedTheOldWay(): { type: 'ExpertReviewStarted'; data: unknown } {
  const { plan, events } = planned(formalReviewClosed(), startExpertReview(seven, experts(6)));
  const { assignedCount: _c, assignedPerExpert: _p, unfilledPlaces: _u, unfilledDossierIds: _d, ...rest } = dataOf(events, 'ExpertReviewStarted');
  return { type: 'ExpertReviewStarted', data: { ...rest, assignments: plan.assignments, unfilled: plan.unfilled, loads: plan.loads } };
}

describe('selection events recorded before the plan left the stream', () => {
  it('given an ExpertReviewStarted with its pairs, when read, then it carries the counts and ids of today and no pairs', () => {
    const { plan, events } = planned(formalReviewClosed(), startExpertReview(seven, experts(6)));
    expect(upcastSelectionEvent(recordedTheOldWay())).toEqual(events[0]);
    expect(plan.assignments.length).toBeGreaterThan(0);
  });

  it('given an older ReplacementAssignmentsPlanned with an unfilled place, when read, then the places are counted per dossier', () => {
    const older = {
      type: 'ReplacementAssignmentsPlanned' as const,
      data: {
        selectionId: 'demo-scenario-2026',
        round: 2,
        seed: 's',
        assignments: [{ dossierId: 'd-1', expertId: 'e-2', fieldMatch: true }, { dossierId: 'd-2', expertId: 'e-2', fieldMatch: false }],
        unfilled: [{ dossierId: 'd-3', missing: 2, reason: 'no eligible expert' }],
        loads: { 'e-2': 9 },
        plannedAt: REVIEW_DAY,
      },
    };
    expect(upcastSelectionEvent(older)).toEqual({
      type: 'ReplacementAssignmentsPlanned',
      data: {
        selectionId: 'demo-scenario-2026',
        round: 2,
        seed: 's',
        assignedCount: 2,
        assignedPerExpert: { 'e-2': 2 },
        unfilledPlaces: 2,
        unfilledDossierIds: ['d-3'],
        plannedAt: REVIEW_DAY,
      },
    });
  });

  it('given a stream with the older event, when folded, then the state is the one today’s events give', () => {
    const { events } = planned(formalReviewClosed(), startExpertReview(seven, experts(6)));
    const today = foldEvents(selectionDecider, [...formalReviewClosed(), ...events]) as Selection;
    const older = foldEvents(selectionDecider, [...formalReviewClosed(), recordedTheOldWay() as unknown as SelectionEvent]) as Selection;
    expect(older).toEqual(today);
    expect(older).toMatchObject({ phase: 'expert-review', reviewDossierIds: seven, assignmentRounds: 1 });
  });

  it('given an event of today’s shape or another type, when read, then it is returned as it is', () => {
    const events = formalReviewClosed();
    for (const event of events) expect(upcastSelectionEvent(event)).toBe(event);
  });
});
