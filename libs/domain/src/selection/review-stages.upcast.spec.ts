// Streams recorded before review stages existed are never rewritten: their call declares no stages,
// so it runs one online stage, and every event reads as stage 1 of 1.
import { reviewStagesOf } from '../programmes/review-stages';
import { foldEvents } from '../shared/decider';
import { selectionDecider } from './selection.decider';
import type { SelectionEvent } from './selection.events';
import { Selection, selectionFactsOf } from './selection.state';
import { closeFormalReview, closeReview, closeSubmissions, dataOf, dossierIds, openCall, play, startExpertReview } from './selection.test-support';

const seven = dossierIds(7);
const BASE = { 'd-1': 90, 'd-2': 85, 'd-3': 80, 'd-4': 75, 'd-5': 70, 'd-6': 65, 'd-7': 50 };

/** A whole review as recorded before stages: no stage on any event, no stages in the call's rules. */
function recordedBeforeStages(): SelectionEvent[] {
  const events = play([openCall({ overrides: { quotas: { scenario: 3 } } }), closeSubmissions, closeFormalReview(seven), startExpertReview(seven), closeReview(BASE)]);
  const opened = dataOf(events, 'SelectionOpened');
  expect(opened.rules).not.toHaveProperty('stages');
  expect(dataOf(events, 'ReviewClosed')).not.toHaveProperty('stage');
  return events;
}

describe('selection streams recorded before review stages', () => {
  it('given a call without stages, when folded, then it is in stage 1 of one online stage', () => {
    const history = recordedBeforeStages().slice(0, 4);
    const selection = foldEvents(selectionDecider, history) as Selection;
    expect({ stage: selection.stage, stageResults: selection.stageResults, panels: selection.panels }).toEqual({ stage: 1, stageResults: [], panels: [] });
    expect(reviewStagesOf(selection.rules).map((stage) => [stage.code, stage.kind, stage.expertsPerDossier, stage.minimumValidReviews])).toEqual([['online', 'online', 5, 3]]);
    expect(selectionFactsOf(selection).stage).toBe(1);
  });

  it('given a closed review without a stage, when folded, then the shortlist is the one it froze', () => {
    const events = recordedBeforeStages();
    const selection = foldEvents(selectionDecider, events) as Selection;
    expect(selection.phase).toBe('review-closed');
    expect(selection.shortlist).toEqual(dataOf(events, 'ReviewClosed').shortlist);
  });

  it('given a call opened before the rule of minimums, its rules without stages still resolve to one stage with min(3, experts)', () => {
    const events = recordedBeforeStages();
    const opened = dataOf(events, 'SelectionOpened');
    const { minimumValidReviews: _m, ...olderRules } = opened.rules;
    const older = [{ ...events[0], data: { ...opened, rules: { ...olderRules, expertsPerDossier: 2 } } } as SelectionEvent, ...events.slice(1, 4)];
    const selection = foldEvents(selectionDecider, older) as Selection;
    expect(reviewStagesOf(selection.rules)[0].minimumValidReviews).toBe(2);
  });
});
