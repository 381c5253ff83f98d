import type { Decider } from '../shared/decider';
import type { DossierCommand } from '../dossier/dossier.commands';
import { dossierDecider } from '../dossier/dossier.decider';
import type { DossierEvent } from '../dossier/dossier.events';
import type { DossierState } from '../dossier/dossier.state';

/**
 * A dossier stream as DecideAwards' step decides AwardDossier / NotAwardDossier on it: the dossier's
 * own fold, less what an award never decides on — its content fields, attachments, assignments,
 * draw and scores (stage 1's and the panels'). Deciding on every ranked dossier of a selection keeps
 * one such fold per dossier in the unit of work (6,400 at N = 6,400); the whole folds, with their
 * scores and attachment records, were most of that heap. Same events and refusals as dossierDecider
 * (none of the dropped parts feeds the status, tier, project facts, approved investment or objections).
 */
export const awardDecisionDecider: Decider<DossierCommand, DossierEvent, DossierState> = {
  initialState: dossierDecider.initialState,
  decide(command, state) {
    if (command.type !== 'AwardDossier' && command.type !== 'NotAwardDossier') {
      throw new Error(`the award decision fold decides AwardDossier and NotAwardDossier only, not ${command.type}`);
    }
    return dossierDecider.decide(command, state);
  },
  evolve: (state, event) => withoutReviewDetail(dossierDecider.evolve(state, event)),
};

function withoutReviewDetail(state: DossierState): DossierState {
  if (state.status === 'none') return state;
  const { draw: _draw, laterStages: _laterStages, invalidatedScores: _invalidated, ...kept } = state;
  return { ...kept, fields: {}, excludedExpertIds: [], attachments: [], assignments: [], scores: [] };
}
