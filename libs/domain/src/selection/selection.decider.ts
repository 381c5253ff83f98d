import type { Decider } from '../shared/decider';
import { decideCloseFormalReview, decideCloseSubmissions, decideOpenCall } from './decide-call';
import { decideAwards, decidePublishAwards } from './decide-awards';
import { decideRecordObjectionOutcome, decideStartPublicNotice } from './decide-notice';
import { decideCloseReview, decidePlanReplacements, decideStartExpertReview } from './decide-review';
import { decideCloseReviewStage, decideFormPanel } from './decide-stages';
import type { SelectionCommand } from './selection.commands';
import type { SelectionEvent } from './selection.events';
import { evolveSelection, SELECTION_FOLD, SelectionState } from './selection.state';

/** One selection-{programme}-{year} stream: the selection's own decisions, from call to publication. */
export const selectionDecider: Decider<SelectionCommand, SelectionEvent, SelectionState> = {
  initialState: () => ({ phase: 'none' }),
  decide(command, state) {
    switch (command.type) {
      case 'OpenCall':
        return decideOpenCall(command, state);
      case 'CloseSubmissions':
        return decideCloseSubmissions(command, state);
      case 'CloseFormalReview':
        return decideCloseFormalReview(command, state);
      case 'StartExpertReview':
        return decideStartExpertReview(command, state);
      case 'PlanReplacementAssignments':
        return decidePlanReplacements(command, state);
      case 'CloseReview':
        return decideCloseReview(command, state);
      case 'CloseReviewStage':
        return decideCloseReviewStage(command, state);
      case 'FormPanel':
        return decideFormPanel(command, state);
      case 'StartPublicNotice':
        return decideStartPublicNotice(command, state);
      case 'RecordObjectionOutcome':
        return decideRecordObjectionOutcome(command, state);
      case 'DecideAwards':
        return decideAwards(command, state);
      case 'PublishAwards':
        return decidePublishAwards(command, state);
    }
  },
  evolve: evolveSelection,
  snapshot: SELECTION_FOLD,
};
