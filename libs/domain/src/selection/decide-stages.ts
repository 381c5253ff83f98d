import { ConflictCode, findConflict } from '../conflicts';
import { reviewStagesOf } from '../programmes/review-stages';
import { putForward } from '../ranking';
import { refuse } from '../shared/refusal';
import { requireRole, requireText } from './checks';
import { requireSelection } from './decide-call';
import { rankStage, requireDossiersFrom } from './rank-stage';
import type { CloseReviewStage, FormPanel } from './selection.commands';
import type { SelectionEvent } from './selection.events';
import { requirePhase } from './selection.phase';
import type { Selection, SelectionState } from './selection.state';

const MAX_PANEL_MEMBERS = 30;

/** Why a panel member does not score a dossier, as the dossier's audit shows it. */
const PANEL_RECUSAL_REASONS: Readonly<Record<ConflictCode, string>> = {
  'same-organisation': '与申报单位为同一单位,回避',
  'declared-organisation': '已声明与申报单位存在利害关系,回避',
  'excluded-by-applicant': '申报单位申请回避',
  'recused-from-dossier': '已在本申报此前的评审中回避',
};

/**
 * Closes a stage before the last: ranks it (its rubric, aggregation and minimum) and puts forward
 * who the stage's rule says; the next stage opens with them. Closing the last stage is CloseReview.
 */
export function decideCloseReviewStage(command: CloseReviewStage, state: SelectionState): SelectionEvent[] {
  requireRole(command.metadata, ['admin'], 'close a review stage');
  const selection = requireSelection(state);
  requirePhase(selection, ['expert-review'], 'closing a review stage');
  const stages = reviewStagesOf(selection.rules);
  if (selection.stage >= stages.length) {
    throw refuse('last-review-stage', `stage ${selection.stage} is the last review stage; close expert review to freeze the shortlist`, 'conflict', {
      stage: selection.stage,
    });
  }
  const { candidates, scores } = command.data;
  const stage = rankStage(selection, candidates, scores);
  const advance = stage.stageRule.advance!; // every stage but the last has one (read-stages)
  const { forwarded, notForwardedCount } = putForward(stage.ranked, advance);
  if (forwarded.length === 0) {
    throw refuse('nothing-put-forward', `no dossier reaches the next stage under this stage's rule; nobody could be heard by ${stages[selection.stage].name}`, 'conflict');
  }
  return [
    {
      type: 'ReviewStageClosed',
      data: {
        selectionId: selection.selectionId,
        stage: selection.stage,
        stageCode: stage.stageRule.code,
        forwarded: forwarded.map(({ dossierId, tier, aggregate }) => ({ dossierId, tier, aggregate })),
        notForwardedCount: notForwardedCount + stage.noShowWithdrawnIds.length,
        noShowWithdrawnIds: stage.noShowWithdrawnIds,
        closedAt: command.metadata.now,
      },
    },
  ];
}

/** Who sits on the panel for one dossier, and who of the panel is recused from it and why. */
export interface PanelSeat {
  readonly dossierId: string;
  readonly expertIds: string[];
  readonly recused: { readonly expertId: string; readonly reason: string }[];
}

/** The selection's event and the seats the caller records on each dossier of the stage (PanelSeated). */
export interface PanelDecision {
  readonly events: SelectionEvent[];
  readonly stage: number;
  readonly name: string;
  readonly seats: readonly PanelSeat[];
}

export function decideFormPanel(command: FormPanel, state: SelectionState): SelectionEvent[] {
  return decidePanel(command, state).events;
}

/**
 * A named panel for the stage in progress. Its members are checked against every dossier it will
 * see: a conflicted member is recused from that dossier only, not from the panel. Each dossier still
 * needs the stage's minimum of members who may score it.
 */
export function decidePanel(command: FormPanel, state: SelectionState): PanelDecision {
  requireRole(command.metadata, ['admin'], 'form a review panel');
  const selection = requireSelection(state);
  requirePhase(selection, ['expert-review'], 'forming a review panel');
  const stageRule = reviewStagesOf(selection.rules)[selection.stage - 1];
  if (stageRule.kind === 'online') {
    throw refuse('stage-has-no-panel', `stage ${selection.stage} (${stageRule.name}) is an online review: experts are planned per dossier`, 'conflict');
  }
  if (selection.panels.some((panel) => panel.stage === selection.stage)) {
    throw refuse('panel-already-formed', `the panel of stage ${selection.stage} (${stageRule.name}) is already formed`, 'conflict');
  }
  const name = requireText(command.data.name, 'the name of the panel', 50);
  const { members, dossiers } = command.data;
  requireMembers(members);
  requireEveryDossierOfStage(selection, dossiers);

  const seats = dossiers.map((dossier): PanelSeat => {
    const recused = members.flatMap((member) => {
      const conflict = findConflict(member, dossier);
      return conflict ? [{ expertId: member.expertId, reason: PANEL_RECUSAL_REASONS[conflict.code] }] : [];
    });
    const recusedIds = new Set(recused.map((seat) => seat.expertId));
    return { dossierId: dossier.dossierId, expertIds: members.map((m) => m.expertId).filter((id) => !recusedIds.has(id)), recused };
  });
  const short = seats.filter((seat) => seat.expertIds.length < stageRule.minimumValidReviews);
  if (short.length > 0) {
    throw refuse(
      'panel-too-small',
      `after recusals, ${short.map((seat) => `${seat.dossierId} has ${seat.expertIds.length}`).join(', ')} of the ${stageRule.minimumValidReviews} panel members the stage needs per dossier; add members`,
      'conflict',
      { minimum: stageRule.minimumValidReviews, dossiers: short.map((seat) => ({ dossierId: seat.dossierId, members: seat.expertIds.length })) },
    );
  }
  const expertIds = members.map((member) => member.expertId);
  const recusedSeats = seats.reduce((sum, seat) => sum + seat.recused.length, 0);
  return {
    events: [{ type: 'PanelFormed', data: { selectionId: selection.selectionId, stage: selection.stage, name, expertIds, recusedSeats, formedAt: command.metadata.now } }],
    stage: selection.stage,
    name,
    seats,
  };
}

function requireMembers(members: FormPanel['data']['members']): void {
  const ids = members.map((member) => member.expertId);
  if (ids.length === 0 || ids.length > MAX_PANEL_MEMBERS) {
    throw refuse('invalid-panel', `a panel has 1 to ${MAX_PANEL_MEMBERS} members, got ${ids.length}`, 'invalid');
  }
  if (new Set(ids).size !== ids.length) throw refuse('invalid-panel', 'a member is named more than once', 'invalid');
  const inactive = members.filter((member) => !member.active).map((member) => member.expertId);
  if (inactive.length > 0) throw refuse('expert-deactivated', `deactivated experts cannot sit on a panel: ${inactive.join(', ')}`, 'conflict', { expertIds: inactive });
}

function requireEveryDossierOfStage(selection: Selection, dossiers: FormPanel['data']['dossiers']): void {
  requireDossiersFrom(dossiers, selection.reviewDossierIds, 'is not in this review stage');
  const given = new Set(dossiers.map((dossier) => dossier.dossierId));
  const missing = selection.reviewDossierIds.filter((id) => !given.has(id));
  if (missing.length > 0) {
    throw refuse('invalid-dossier-list', `the panel is checked against every dossier it will see; missing: ${missing.join(', ')}`, 'invalid', { dossierIds: missing });
  }
}
