import type { Decider } from '../shared/decider';
import type { DossierCommand } from './dossier.commands';
import type { DossierEvent } from './dossier.events';
import { DossierState, evolveDossier } from './dossier.state';
import { decideAssign, decideRecordDraw, decideRecuse, decideScore } from './decide-expert-review';
import { decideInvalidateScore, decideMarkNotEvaluable } from './decide-valid-reviews';
import { decideRecordAttendance, decideScheduleDefence, decideSeatPanel } from './decide-panel-review';
import { decidePass, decideReject, decideReturn } from './decide-formal-review';
import { decideAward, decideFileObjection, decideNotAward, decideObjectionOutcome } from './decide-objection-award';
import {
  decideAddAttachment,
  decideDraft,
  decideEdit,
  decideRemoveAttachment,
  decideSubmit,
  decideWithdraw,
} from './decide-submission';

/** One dossier-{id} stream: submission, formal review, its experts and scores, objections, award. */
export const dossierDecider: Decider<DossierCommand, DossierEvent, DossierState> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.type) {
      case 'DraftDossier':
        return decideDraft(command, state);
      case 'EditDossier':
        return decideEdit(command, state);
      case 'AddAttachment':
        return decideAddAttachment(command, state);
      case 'RemoveAttachment':
        return decideRemoveAttachment(command, state);
      case 'SubmitDossier':
        return decideSubmit(command, state);
      case 'WithdrawDossier':
        return decideWithdraw(command, state);
      case 'PassFormalReview':
        return decidePass(command, state);
      case 'ReturnForCorrection':
        return decideReturn(command, state);
      case 'RejectDossier':
        return decideReject(command, state);
      case 'AssignExpert':
        return decideAssign(command, state);
      case 'RecordDraw':
        return decideRecordDraw(command, state);
      case 'RecuseExpert':
        return decideRecuse(command, state);
      case 'SubmitScore':
      case 'AmendScore':
        return decideScore(command, state);
      case 'InvalidateScore':
        return decideInvalidateScore(command, state);
      case 'MarkNotEvaluable':
        return decideMarkNotEvaluable(command, state);
      case 'SeatPanel':
        return decideSeatPanel(command, state);
      case 'ScheduleDefence':
        return decideScheduleDefence(command, state);
      case 'RecordDefenceAttendance':
        return decideRecordAttendance(command, state);
      case 'FileObjection':
        return decideFileObjection(command, state);
      case 'UpholdObjection':
      case 'DismissObjection':
        return decideObjectionOutcome(command, state);
      case 'AwardDossier':
        return decideAward(command, state);
      case 'NotAwardDossier':
        return decideNotAward(command, state);
    }
  },
  evolve: evolveDossier,
};
