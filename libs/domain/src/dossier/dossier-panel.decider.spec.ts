import { TWO_STAGES } from '../programmes/review-stages.test-support';
import { seedCallRules } from '../programmes/programmes.test-support';
import type { DefenceNoShowRule } from '../programmes';
import { foldEvents } from '../shared/decider';
import type { DossierCommand } from './dossier.commands';
import { dossierDecider } from './dossier.decider';
import type { DefenceSlot, DossierEvent } from './dossier.events';
import type { Dossier } from './dossier.state';
import { reviewInputOf, stageReviewInputOf } from './dossier.views';
import { dossiersToRecuseForConflict } from './conflict-recusals';
import { APPLICANT, DOSSIER_ID, IN_REVIEW, OTHER_ORGANISATION, asAdmin, asExpert, assigned, expert, facts, given, inReview, scoreCommand, scored, signedBy } from './dossier.test-support';

const PANEL_DAY = '2026-04-26T02:00:00.000Z';
const DEFENCE_DAY = '2026-04-28T06:00:00.000Z';
const PANEL_POINTS = { defence: 27, feasibility: 24, impact: 20, team: 12 };

function stagedRules(noShow: DefenceNoShowRule = 'score-zero') {
  return seedCallRules('demo-scenario', { stages: [TWO_STAGES[0], { ...TWO_STAGES[1], defence: { noShow } }] as never });
}
const inPanelStage = (noShow?: DefenceNoShowRule) => facts('expert-review', { stage: 2, rules: stagedRules(noShow) });

const stageOne = [...inReview, assigned('e1'), assigned('e2'), assigned('e3'), scored('e1'), scored('e2'), scored('e3')];
const seatedEvent: DossierEvent = {
  type: 'PanelSeated',
  data: { dossierId: DOSSIER_ID, stage: 2, panelName: '会议评审专家组', expertIds: ['p1', 'p2', 'p3'], recused: [{ expertId: 'p4', reason: '申报单位申请回避' }], seatedAt: PANEL_DAY },
};
const SLOT: DefenceSlot = { date: '2026-04-28', startTime: '14:00', place: '长沙市岳麓区麓谷大道 1 号 3 楼会议室', link: null, order: 2 };
const scheduled: DossierEvent = { type: 'DefenceScheduled', data: { dossierId: DOSSIER_ID, stage: 2, slot: SLOT, scheduledAt: PANEL_DAY } };
const attendance = (attended: boolean): DossierEvent => ({
  type: 'DefenceAttendanceRecorded',
  data: { dossierId: DOSSIER_ID, stage: 2, attended, note: null, recordedAt: DEFENCE_DAY },
});

function seat(selection = inPanelStage(), metadata = asAdmin(PANEL_DAY)): DossierCommand {
  return {
    type: 'SeatPanel',
    data: { dossierId: DOSSIER_ID, selection, stage: 2, panelName: '会议评审专家组', expertIds: ['p1', 'p2', 'p3'], recused: [{ expertId: 'p4', reason: '申报单位申请回避' }] },
    metadata,
  };
}
const schedule = (slot: Partial<DefenceSlot> = {}, selection = inPanelStage()): DossierCommand => ({
  type: 'ScheduleDefence',
  data: { dossierId: DOSSIER_ID, selection, slot: { ...SLOT, ...slot } },
  metadata: asAdmin(PANEL_DAY),
});
const record = (attended: boolean, selection = inPanelStage()): DossierCommand => ({
  type: 'RecordDefenceAttendance',
  data: { dossierId: DOSSIER_ID, selection, attended },
  metadata: asAdmin(DEFENCE_DAY),
});
function panelScore(expertId: string, selection = inPanelStage(), type: 'SubmitScore' | 'AmendScore' = 'SubmitScore', points = PANEL_POINTS): DossierCommand {
  const command = scoreCommand(expertId, { points }, type, asExpert(expertId, DEFENCE_DAY));
  return { ...command, data: { ...command.data, selection } } as DossierCommand;
}

describe('dossier: the panel stage (会议评审/答辩)', () => {
  describe('SeatPanel', () => {
    it('records the dossier’s seat of the panel: who scores it and who is recused from it, and why', () => {
      given(stageOne).when(seat()).then([seatedEvent]);
      const dossier = foldEvents(dossierDecider, [...stageOne, seatedEvent]) as Dossier;
      expect(dossier.laterStages).toEqual([
        { stage: 2, panelName: '会议评审专家组', expertIds: ['p1', 'p2', 'p3'], recused: [{ expertId: 'p4', reason: '申报单位申请回避' }], defence: null, attendance: null, scores: [] },
      ]);
      expect(dossier.scores).toHaveLength(3);
    });

    it('only in a panel stage, once, by the system or an admin', () => {
      given(stageOne).when(seat(facts('expert-review'))).thenRefused('stage-has-no-panel');
      given([...stageOne, seatedEvent]).when(seat()).thenRefused('panel-already-formed');
      given(stageOne).when(seat(inPanelStage(), asExpert('p1', PANEL_DAY))).thenRefused('forbidden');
    });

    it('no expert is assigned per dossier in a panel stage', () => {
      given(stageOne)
        .when({ type: 'AssignExpert', data: { dossierId: DOSSIER_ID, selection: inPanelStage(), expert: expert('e9') }, metadata: asAdmin(PANEL_DAY) })
        .thenRefused('panel-stage-has-no-plan');
    });
  });

  describe('ScheduleDefence and RecordDefenceAttendance', () => {
    it('the admin schedules the defence: date, time, place or link, order; and may move it until attendance is recorded', () => {
      given([...stageOne, seatedEvent]).when(schedule()).then([scheduled]);
      const moved = given([...stageOne, seatedEvent, scheduled]).when(schedule({ place: null, link: 'https://meeting.example.cn/room/2', order: 3 })).events();
      const dossier = foldEvents(dossierDecider, [...stageOne, seatedEvent, scheduled, ...moved]) as Dossier;
      expect(dossier.laterStages?.[0].defence).toEqual({ ...SLOT, place: null, link: 'https://meeting.example.cn/room/2', order: 3 });
      given([...stageOne, seatedEvent, scheduled, attendance(true)]).when(schedule()).thenRefused('defence-attendance-recorded');
    });

    it('refuses a slot without place or link, a past date, a wrong time, link or order', () => {
      const history = [...stageOne, seatedEvent];
      given(history).when(schedule({ place: null, link: null })).thenRefused('invalid-defence-slot', /place or a meeting link/);
      given(history).when(schedule({ date: '2026-04-25' })).thenRefused('invalid-defence-slot', /before today/);
      given(history).when(schedule({ date: '2026-02-30' })).thenRefused('invalid-date');
      given(history).when(schedule({ startTime: '24:00' })).thenRefused('invalid-defence-slot', /HH:MM/);
      given(history).when(schedule({ link: 'meeting.example.cn' })).thenRefused('invalid-defence-slot', /http/);
      given(history).when(schedule({ order: 0 })).thenRefused('invalid-defence-slot', /order/);
    });

    it('a stage without defence has no slots; a dossier without its panel seat neither', () => {
      const papersOnly = facts('expert-review', { stage: 2, rules: seedCallRules('demo-scenario', { stages: [TWO_STAGES[0], { ...TWO_STAGES[1], kind: 'panel', defence: undefined }] as never }) });
      given([...stageOne, seatedEvent]).when(schedule({}, papersOnly)).thenRefused('stage-has-no-defence');
      given(stageOne).when(schedule()).thenRefused('panel-not-seated');
    });

    it('attendance is recorded once, after the defence is scheduled', () => {
      given([...stageOne, seatedEvent]).when(record(true)).thenRefused('defence-not-scheduled');
      given([...stageOne, seatedEvent, scheduled]).when(record(false)).then([attendance(false)]);
      given([...stageOne, seatedEvent, scheduled, attendance(false)]).when(record(true)).thenRefused('defence-attendance-recorded');
    });
  });

  describe('panel scores', () => {
    const heard = [...stageOne, seatedEvent, scheduled, attendance(true)];

    it('a panel member scores with the stage’s rubric; the score carries its stage and leaves the online scores alone', () => {
      const [event] = given(heard).when(panelScore('p1')).events();
      expect(event).toEqual({
        type: 'ScoreSubmitted',
        data: { dossierId: DOSSIER_ID, expertId: 'p1', stage: 2, points: PANEL_POINTS, total: 83, comment: '示范效果显著', submittedAt: DEFENCE_DAY },
      });
      const dossier = foldEvents(dossierDecider, [...heard, event]) as Dossier;
      expect(dossier.scores.map((score) => score.expertId)).toEqual(['e1', 'e2', 'e3']);
      expect(dossier.laterStages?.[0].scores.map((score) => [score.expertId, score.total])).toEqual([['p1', 83]]);
      expect(stageReviewInputOf(dossier, 2)).toEqual({
        candidate: { dossierId: DOSSIER_ID, tier: 'scenario', submittedAt: expect.any(String), defence: 'attended' },
        scores: [{ dossierId: DOSSIER_ID, expertId: 'p1', total: 83 }],
      });
      expect(reviewInputOf(dossier)?.scores).toHaveLength(3);
    });

    it('amends within the stage', () => {
      const [first] = given(heard).when(panelScore('p1')).events();
      const [amended] = given([...heard, first]).when(panelScore('p1', inPanelStage(), 'AmendScore', { ...PANEL_POINTS, team: 15 })).events();
      expect(amended).toMatchObject({ type: 'ScoreAmended', data: { stage: 2, total: 86 } });
      given([...heard, first]).when(panelScore('p1')).thenRefused('score-already-submitted');
      given(heard).when(panelScore('p2', inPanelStage(), 'AmendScore')).thenRefused('score-not-submitted');
    });

    it('a member recused from this dossier, an expert off the panel, an unsigned declaration are refused', () => {
      given(heard).when(panelScore('p4')).thenRefused('expert-recused', /recused from this dossier in the panel/);
      given(heard).when(panelScore('e1')).thenRefused('not-on-panel');
      const unsigned = panelScore('p1');
      given(heard).when({ ...unsigned, data: { ...unsigned.data, declaration: null } } as DossierCommand).thenRefused('declaration-not-signed');
      const otherSelection = panelScore('p1');
      given(heard).when({ ...otherSelection, data: { ...otherSelection.data, declaration: signedBy('p1', 'other-2026') } } as DossierCommand).thenRefused('declaration-not-signed');
    });

    it('after a defence the panel waits for attendance; a no-show is scored only when the call says the panel scores anyway', () => {
      given([...stageOne, seatedEvent, scheduled]).when(panelScore('p1')).thenRefused('defence-not-attended', /not recorded/);
      const absent = [...stageOne, seatedEvent, scheduled, attendance(false)];
      given(absent).when(panelScore('p1')).thenRefused('defence-not-attended', /scores zero/);
      given(absent).when(panelScore('p1', inPanelStage('withdrawn'))).thenRefused('defence-not-attended', /withdrawn/);
      expect(given(absent).when(panelScore('p1', inPanelStage('panel-scores-anyway'))).events()).toHaveLength(1);
      const dossier = foldEvents(dossierDecider, absent) as Dossier;
      expect(stageReviewInputOf(dossier, 2)?.candidate.defence).toBe('absent');
    });

    it('a dossier without a seat in the stage cannot be scored there', () => {
      given(stageOne).when(panelScore('p1')).thenRefused('panel-not-seated');
    });
  });

  describe('recusal, invalid scores and not evaluable in a panel stage', () => {
    const heard = [...stageOne, seatedEvent, scheduled, attendance(true)];
    const p1Scored: DossierEvent = { type: 'ScoreSubmitted', data: { dossierId: DOSSIER_ID, expertId: 'p1', stage: 2, points: PANEL_POINTS, total: 83, comment: '答辩清晰', submittedAt: DEFENCE_DAY } };
    const recuse = (expertId: string): DossierCommand => ({ type: 'RecuseExpert', data: { dossierId: DOSSIER_ID, selection: inPanelStage(), expertId, reason: '发现与申报单位存在合作关系' }, metadata: asExpert(expertId, DEFENCE_DAY) });

    it('a panel member recuses from this dossier only: he leaves the seat and his stage score stops counting', () => {
      const [recused] = given([...heard, p1Scored]).when(recuse('p1')).events();
      expect(recused).toEqual({
        type: 'ExpertRecused',
        data: { dossierId: DOSSIER_ID, expertId: 'p1', reason: '发现与申报单位存在合作关系', scoreDiscarded: true, stage: 2, recusedAt: DEFENCE_DAY },
      });
      const dossier = foldEvents(dossierDecider, [...heard, p1Scored, recused]) as Dossier;
      expect(dossier.laterStages?.[0]).toMatchObject({ expertIds: ['p2', 'p3'], scores: [], recused: [{ expertId: 'p4' }, { expertId: 'p1', reason: '发现与申报单位存在合作关系' }] });
      expect(dossier.scores).toHaveLength(3);
      given([...heard, p1Scored, recused]).when(panelScore('p1')).thenRefused('expert-recused');
      given(heard).when(recuse('p4')).thenRefused('expert-not-assigned');
    });

    it('a conflict a member declares after the panel was formed recuses him from the seats he holds on that applicant’s dossiers, as his own recusal would', () => {
      const dossier = foldEvents(dossierDecider, [...heard, p1Scored]) as Dossier;
      // In the panel stage his seat counts, not the online assignments of others (e1 holds none here).
      expect(dossiersToRecuseForConflict([dossier], 2, 'p1', APPLICANT)).toEqual([DOSSIER_ID]);
      expect(dossiersToRecuseForConflict([dossier], 2, 'e1', APPLICANT)).toEqual([]);
      expect(dossiersToRecuseForConflict([dossier], 2, 'p1', OTHER_ORGANISATION)).toEqual([]);
      // In the online stage it is his assignment.
      expect(dossiersToRecuseForConflict([foldEvents(dossierDecider, stageOne) as Dossier], 1, 'e1', APPLICANT)).toEqual([DOSSIER_ID]);
      const [recused] = given([...heard, p1Scored]).when(recuse('p1')).events();
      const after = foldEvents(dossierDecider, [...heard, p1Scored, recused]) as Dossier;
      expect(dossiersToRecuseForConflict([after], 2, 'p1', APPLICANT)).toEqual([]);
    });

    it('the admin declares a panel score invalid; it stops counting in that stage only', () => {
      const invalidate: DossierCommand = { type: 'InvalidateScore', data: { dossierId: DOSSIER_ID, selection: inPanelStage(), expertId: 'p1', reason: '意见与分数矛盾' }, metadata: asAdmin(DEFENCE_DAY) };
      const [invalidated] = given([...heard, p1Scored]).when(invalidate).events();
      expect(invalidated).toEqual({ type: 'ScoreInvalidated', data: { dossierId: DOSSIER_ID, expertId: 'p1', total: 83, reason: '意见与分数矛盾', invalidatedAt: DEFENCE_DAY, stage: 2 } });
      const dossier = foldEvents(dossierDecider, [...heard, p1Scored, invalidated]) as Dossier;
      expect(stageReviewInputOf(dossier, 2)?.scores).toEqual([]);
      expect(dossier.invalidatedScores).toEqual([{ expertId: 'p1', total: 83, reason: '意见与分数矛盾', invalidatedAt: DEFENCE_DAY, stage: 2 }]);
      expect(reviewInputOf(dossier)?.scores).toHaveLength(3);
      given(heard).when(invalidate).thenRefused('score-not-found');
    });

    it('the stage the admin saw travels with the command: a score confirmed in one stage is not declared invalid in another', () => {
      const invalidate = (stage: number): DossierCommand => ({
        type: 'InvalidateScore',
        data: { dossierId: DOSSIER_ID, selection: inPanelStage(), expertId: 'p1', reason: '意见与分数矛盾', stage },
        metadata: asAdmin(DEFENCE_DAY),
      });
      expect(given([...heard, p1Scored]).when(invalidate(2)).events()).toEqual([
        { type: 'ScoreInvalidated', data: { dossierId: DOSSIER_ID, expertId: 'p1', total: 83, reason: '意见与分数矛盾', invalidatedAt: DEFENCE_DAY, stage: 2 } },
      ]);
      given([...heard, p1Scored]).when(invalidate(1)).thenRefused('review-stage-changed');
    });

    it('not evaluable counts the stage’s valid scores against the stage’s minimum', () => {
      const mark: DossierCommand = { type: 'MarkNotEvaluable', data: { dossierId: DOSSIER_ID, selection: inPanelStage(), reason: '专家组回避后不足' }, metadata: asAdmin(DEFENCE_DAY) };
      // Three online scores, one panel score: below the panel's minimum of 3.
      expect(given([...heard, p1Scored]).when(mark).events()).toEqual([
        { type: 'DossierMarkedNotEvaluable', data: { dossierId: DOSSIER_ID, validReviews: 1, minimum: 3, reason: '专家组回避后不足', markedAt: DEFENCE_DAY } },
      ]);
    });
  });

  describe('events recorded before stages', () => {
    it('a score without a stage is a stage-1 score, as it always was', () => {
      const dossier = foldEvents(dossierDecider, stageOne) as Dossier;
      expect(dossier.laterStages).toBeUndefined();
      expect(reviewInputOf(dossier)?.scores.map((score) => score.expertId)).toEqual(['e1', 'e2', 'e3']);
      given(stageOne).when(scoreCommand('e1', {}, 'AmendScore', asExpert('e1', IN_REVIEW))).thenRefused('nothing-to-change');
    });
  });
});
