import type { CallRules } from '../programmes';
import type { Decider } from '../shared/decider';
import type { DossierCommand } from '../dossier/dossier.commands';
import { dossierDecider } from '../dossier/dossier.decider';
import type { DossierEvent } from '../dossier/dossier.events';
import type { DossierState } from '../dossier/dossier.state';

/**
 * A dossier stream as an assignment round (StartExpertReview, PlanReplacementAssignments) decides on
 * it: the planner's conflict view (conflictDossierOf), AssignExpert and RecordDraw. The dossier's own
 * fold, less what none of them reads — its content fields but the expertise one, attachments, scores
 * (stage 1's, the panels', the invalidated) and objections. A plan keeps one fold per dossier of the
 * selection in its unit of work (6,400 at N = 6,400), most of whose heap were those parts. Same events
 * and refusals as dossierDecider: status, selection, applicant, exclusions, assignments, draw and the
 * expertise field are kept as it folds them.
 *
 * The expertise field is the selection's (its rules): a command under other rules is refused as a
 * programming error, not decided on a fold that dropped the field it would read.
 */
export function assignmentPlanningDecider(rules: Pick<CallRules, 'expertiseField'>): Decider<DossierCommand, DossierEvent, DossierState> {
  const { expertiseField } = rules;
  return {
    initialState: dossierDecider.initialState,
    decide(command, state) {
      if (command.type !== 'AssignExpert' && command.type !== 'RecordDraw') {
        throw new Error(`the assignment planning fold decides AssignExpert and RecordDraw only, not ${command.type}`);
      }
      if (command.data.selection.rules.expertiseField !== expertiseField) {
        throw new Error(`the assignment planning fold kept the expertise field ${expertiseField}, not ${command.data.selection.rules.expertiseField}`);
      }
      return dossierDecider.decide(command, state);
    },
    evolve: (state, event) => withoutPlanningDetail(dossierDecider.evolve(state, event), expertiseField),
  };
}

function withoutPlanningDetail(state: DossierState, expertiseField: string): DossierState {
  if (state.status === 'none') return state;
  const { laterStages: _laterStages, invalidatedScores: _invalidated, ...kept } = state;
  const field = state.fields[expertiseField];
  return { ...kept, fields: field === undefined ? {} : { [expertiseField]: field }, attachments: [], scores: [], objections: [] };
}
