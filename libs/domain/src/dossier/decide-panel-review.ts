import { assertLocalDate, shanghaiDate } from '../calendar';
import { requireSignedDeclaration } from '../commitments/commitment.decider';
import { findConflict } from '../conflicts';
import { reviewStageOf, ReviewStageRule } from '../programmes/review-stages';
import { weightedTotal } from '../scoring';
import { optionalText, requireRole, requireText } from '../selection/checks';
import { requirePhase } from '../selection/selection.phase';
import type { SelectionFacts } from '../selection/selection.phase';
import { refuse } from '../shared/refusal';
import { conflictDossierOf } from './decide-expert-review';
import type { AmendScore, RecordDefenceAttendance, RecuseExpert, ScheduleDefence, SeatPanel, SubmitScore } from './dossier.commands';
import type { DefenceSlot, DossierEvent } from './dossier.events';
import { requireDossier, requireOwnSelection, requireStatus } from './dossier.guards';
import { Dossier, DossierState, StageReview, stageReviewOf } from './dossier.state';

const MAX_COMMENT_LENGTH = 2000;
const START_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const LINK = /^https?:\/\/\S+$/;

/** The stage in progress as the command's selection facts give it (1 for facts built before stages). */
export function stageOfFacts(selection: Pick<SelectionFacts, 'stage'>): number {
  return selection.stage ?? 1;
}

/** Records the dossier's seat of the panel the selection formed for the stage in progress. */
export function decideSeatPanel(command: SeatPanel, state: DossierState): DossierEvent[] {
  requireRole(command.metadata, ['admin', 'system'], 'seat a review panel');
  const dossier = requireInPanelStage(command, state, 'seating the panel');
  const { stage, panelName, expertIds, recused } = command.data;
  if (stage !== stageOfFacts(command.data.selection)) {
    throw refuse('wrong-phase', `stage ${stage} is not the review stage in progress`, 'conflict');
  }
  if (stageReviewOf(dossier, stage)) throw refuse('panel-already-formed', `the dossier already has its panel for stage ${stage}`);
  return [
    {
      type: 'PanelSeated',
      data: { dossierId: dossier.dossierId, stage, panelName, expertIds: [...expertIds], recused: recused.map((seat) => ({ ...seat })), seatedAt: command.metadata.now },
    },
  ];
}

/** 答辩/现场考察: date, start time, a place or a meeting link, and the order; may be moved until attendance is recorded. */
export function decideScheduleDefence(command: ScheduleDefence, state: DossierState): DossierEvent[] {
  requireRole(command.metadata, ['admin'], 'schedule a defence');
  const dossier = requireInPanelStage(command, state, 'scheduling a defence');
  const { review } = requireDefenceStage(command.data.selection, dossier);
  if (review.attendance !== null) throw refuse('defence-attendance-recorded', 'attendance is recorded; the defence can no longer be moved');
  const slot = readSlot(command.data.slot, shanghaiDate(command.metadata.now));
  return [{ type: 'DefenceScheduled', data: { dossierId: dossier.dossierId, stage: review.stage, slot, scheduledAt: command.metadata.now } }];
}

export function decideRecordAttendance(command: RecordDefenceAttendance, state: DossierState): DossierEvent[] {
  requireRole(command.metadata, ['admin'], 'record attendance at a defence');
  const dossier = requireInPanelStage(command, state, 'recording attendance');
  const { review } = requireDefenceStage(command.data.selection, dossier);
  if (!review.defence) throw refuse('defence-not-scheduled', 'the defence is not scheduled yet; schedule it first');
  if (review.attendance !== null) throw refuse('defence-attendance-recorded', `attendance is already recorded (${review.attendance})`);
  if (typeof command.data.attended !== 'boolean') throw refuse('invalid-defence-slot', 'attended must be true or false', 'invalid');
  return [
    {
      type: 'DefenceAttendanceRecorded',
      data: {
        dossierId: dossier.dossierId,
        stage: review.stage,
        attended: command.data.attended,
        note: optionalText(command.data.note, 'the note on attendance', 500),
        recordedAt: command.metadata.now,
      },
    },
  ];
}

/**
 * A panel member's score in a panel stage: he sits on the dossier's panel and is not recused from it,
 * has signed the selection's declaration, and scores with the stage's rubric. After a defence the
 * score waits for attendance; a no-show is scored only when the call says the panel scores anyway.
 */
export function decidePanelScore(command: SubmitScore | AmendScore, dossier: Dossier): DossierEvent[] {
  const { expert, selection } = command.data;
  const stage = stageOfFacts(selection);
  const review = stageReviewOf(dossier, stage);
  if (!review) throw refuse('panel-not-seated', `the dossier has no panel in stage ${stage} yet`, 'conflict');
  if (review.recused.some((seat) => seat.expertId === expert.expertId)) {
    throw refuse('expert-recused', `expert ${expert.expertId} is recused from this dossier in the panel and may not score it`, 'forbidden');
  }
  if (!review.expertIds.includes(expert.expertId)) throw refuse('not-on-panel', `expert ${expert.expertId} does not sit on this dossier's panel`, 'forbidden');
  requireSignedDeclaration(command.data.declaration, dossier.selectionId, expert.expertId);
  if (!expert.active) throw refuse('expert-deactivated', `expert ${expert.expertId} is deactivated`);
  const conflict = findConflict(expert, conflictDossierOf(dossier, selection.rules));
  if (conflict) {
    throw refuse('conflict-of-interest', `the score cannot be accepted; ask the administrator to recuse you: ${conflict.reason}`, 'conflict', { conflict: conflict.code });
  }
  const stageRule = reviewStageOf(selection.rules, stage);
  requireDefenceHeard(stageRule, review);

  const earlier = review.scores.find((score) => score.expertId === expert.expertId);
  if (command.type === 'SubmitScore' && earlier) throw refuse('score-already-submitted', 'you have already scored this dossier in this stage; amend the score instead');
  if (command.type === 'AmendScore' && !earlier) throw refuse('score-not-submitted', 'there is no score to amend in this stage; submit one first');
  const points = { ...command.data.points };
  const total = weightedTotal(stageRule.rubric, points);
  const comment = requireText(command.data.comment, 'the comment', MAX_COMMENT_LENGTH);
  const base = { dossierId: dossier.dossierId, expertId: expert.expertId, stage, points, total, comment };
  if (command.type === 'SubmitScore') return [{ type: 'ScoreSubmitted', data: { ...base, submittedAt: command.metadata.now } }];
  if (earlier && earlier.comment === comment && Object.entries(points).every(([code, value]) => earlier.points[code] === value) && Object.keys(earlier.points).length === Object.keys(points).length) {
    throw refuse('nothing-to-change', 'the amended score is the same as the one given', 'invalid');
  }
  return [{ type: 'ScoreAmended', data: { ...base, amendedAt: command.metadata.now } }];
}

/** 回避 from a panel seat after the panel was formed: the member leaves this dossier only, his stage score stops counting. */
export function decidePanelRecusal(command: RecuseExpert, dossier: Dossier): DossierEvent[] {
  const { expertId } = command.data;
  const stage = stageOfFacts(command.data.selection);
  const review = stageReviewOf(dossier, stage);
  if (!review?.expertIds.includes(expertId)) {
    throw refuse('expert-not-assigned', `expert ${expertId} does not sit on this dossier's panel`, 'not-found');
  }
  return [
    {
      type: 'ExpertRecused',
      data: {
        dossierId: dossier.dossierId,
        expertId,
        reason: requireText(command.data.reason, 'the reason for recusal', 500),
        scoreDiscarded: review.scores.some((score) => score.expertId === expertId),
        stage,
        recusedAt: command.metadata.now,
      },
    },
  ];
}

function requireDefenceHeard(stageRule: ReviewStageRule, review: StageReview): void {
  if (!stageRule.defence) return;
  if (review.attendance === null) {
    throw refuse('defence-not-attended', 'the panel scores after the defence: attendance is not recorded yet', 'conflict');
  }
  if (review.attendance === 'absent' && stageRule.defence.noShow !== 'panel-scores-anyway') {
    const meaning = stageRule.defence.noShow === 'score-zero' ? 'it scores zero in this stage' : 'it is withdrawn from the ranking';
    throw refuse('defence-not-attended', `the applicant missed the defence and, as the call says, ${meaning}; no panel score is taken`, 'conflict');
  }
}

function requireInPanelStage(command: SeatPanel | ScheduleDefence | RecordDefenceAttendance, state: DossierState, action: string): Dossier {
  const dossier = requireDossier(state);
  requireOwnSelection(dossier, command.data.selection);
  requirePhase(command.data.selection, ['expert-review'], action);
  requireStatus(dossier, ['passed'], action);
  if (stageOfFacts(command.data.selection) < 2) {
    throw refuse('stage-has-no-panel', `${action} is for panel stages; the selection is in its online review`, 'conflict');
  }
  return dossier;
}

function requireDefenceStage(selection: SelectionFacts, dossier: Dossier): { review: StageReview } {
  const stage = stageOfFacts(selection);
  if (!reviewStageOf(selection.rules, stage).defence) {
    throw refuse('stage-has-no-defence', `stage ${stage} has no defence or site visit; its panel scores the papers`, 'conflict');
  }
  const review = stageReviewOf(dossier, stage);
  if (!review) throw refuse('panel-not-seated', `the dossier has no panel in stage ${stage} yet; form the panel first`, 'conflict');
  return { review };
}

function readSlot(raw: DefenceSlot, today: string): DefenceSlot {
  const date = assertLocalDate(raw?.date, 'the date of the defence');
  if (date < today) throw refuse('invalid-defence-slot', `the defence date ${date} is before today (${today})`, 'invalid');
  if (typeof raw.startTime !== 'string' || !START_TIME.test(raw.startTime)) {
    throw refuse('invalid-defence-slot', `the start time must be HH:MM (Beijing time), got ${JSON.stringify(raw.startTime)}`, 'invalid');
  }
  const place = optionalText(raw.place, 'the place of the defence', 200);
  const link = optionalText(raw.link, 'the meeting link', 500);
  if (place === null && link === null) throw refuse('invalid-defence-slot', 'give a place or a meeting link for the defence', 'invalid');
  if (link !== null && !LINK.test(link)) throw refuse('invalid-defence-slot', `the meeting link must start with http:// or https://, got ${JSON.stringify(link)}`, 'invalid');
  if (!Number.isSafeInteger(raw.order) || raw.order < 1 || raw.order > 999) {
    throw refuse('invalid-defence-slot', `the order must be a whole number from 1 to 999, got ${JSON.stringify(raw.order)}`, 'invalid');
  }
  return { date, startTime: raw.startTime, place, link, order: raw.order };
}
