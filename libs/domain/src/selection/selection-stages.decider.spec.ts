import { TWO_STAGES } from '../programmes/review-stages.test-support';
import type { ExpertTotal } from '../scoring';
import { foldEvents } from '../shared/decider';
import { decidePanel } from './decide-stages';
import type { CloseReview, CloseReviewStage, FormPanel, SelectionCommand, StageCandidate } from './selection.commands';
import { selectionDecider } from './selection.decider';
import type { SelectionEvent } from './selection.events';
import { Selection } from './selection.state';
import {
  asAdmin,
  closeFormalReview,
  closeReview,
  closeSubmissions,
  conflictDossiers,
  creditCode,
  dataOf,
  dossierIds,
  experts,
  given,
  openCall,
  play,
  scoresFor,
  startExpertReview,
} from './selection.test-support';

const CLOSE_STAGE_DAY = '2026-04-25T02:00:00.000Z';
const PANEL_DAY = '2026-04-26T02:00:00.000Z';
const CLOSE_DAY = '2026-05-06T02:00:00.000Z';
const seven = dossierIds(7);
const BASE = { 'd-1': 90, 'd-2': 85, 'd-3': 80, 'd-4': 80, 'd-5': 70, 'd-6': 65, 'd-7': 50 };

function twoStageCall(stages: unknown = TWO_STAGES, finalRanking?: unknown): SelectionCommand {
  return openCall({ overrides: { quotas: { scenario: 2 }, stages: stages as never, ...(finalRanking ? { finalRanking: finalRanking as never } : {}) } });
}

const inStageOne = (call = twoStageCall()) => play([call, closeSubmissions, closeFormalReview(seven), startExpertReview(seven)]);

function candidatesOf(ids: readonly string[], defence: Record<string, 'attended' | 'absent'> = {}): StageCandidate[] {
  return ids.map((dossierId, i) => ({
    dossierId,
    tier: 'scenario',
    submittedAt: `2026-03-${String(10 + i).padStart(2, '0')}T02:00:00.000Z`,
    ...(defence[dossierId] ? { defence: defence[dossierId] } : {}),
  }));
}

function closeStage(base: Readonly<Record<string, number>>): CloseReviewStage {
  return { type: 'CloseReviewStage', data: { candidates: candidatesOf(Object.keys(base)), scores: scoresFor(base) }, metadata: asAdmin(CLOSE_STAGE_DAY) };
}

/** Three panel members p-1..p-3 score each dossier at its base, +1, −1. */
function panelScores(base: Readonly<Record<string, number>>, members = ['p-1', 'p-2', 'p-3']): ExpertTotal[] {
  return Object.entries(base).flatMap(([dossierId, total]) => members.map((expertId, i) => ({ dossierId, expertId, total: total + [0, 1, -1][i] })));
}

function closeFinal(base: Readonly<Record<string, number>>, defence: Record<string, 'attended' | 'absent'> = {}, scores = panelScores(base)): CloseReview {
  return { type: 'CloseReview', data: { candidates: candidatesOf(Object.keys(base), defence), scores }, metadata: asAdmin(CLOSE_DAY) };
}

const panelMembers = () => experts(3).map((expert, i) => ({ ...expert, expertId: `p-${i + 1}`, organisationCreditCode: creditCode(500 + i) }));

function formPanel(history: readonly SelectionEvent[], members = panelMembers()): FormPanel {
  const stage = foldEvents(selectionDecider, history) as Selection;
  return { type: 'FormPanel', data: { name: '会议评审专家组', members, dossiers: conflictDossiers(seven).filter((d) => stage.reviewDossierIds.includes(d.dossierId)) }, metadata: asAdmin(PANEL_DAY) };
}

const stageOneClosed = (call = twoStageCall()) => play([closeStage(BASE)], inStageOne(call));

describe('selection: review stages', () => {
  describe('CloseReviewStage', () => {
    it('puts forward the top 3 of the tier and the dossier tied with the third; the next stage opens with them', () => {
      const events = given(inStageOne()).when(closeStage(BASE)).events();
      expect(dataOf(events, 'ReviewStageClosed')).toEqual({
        selectionId: 'demo-scenario-2026',
        stage: 1,
        stageCode: 'online',
        forwarded: [
          { dossierId: 'd-1', tier: 'scenario', aggregate: 90 },
          { dossierId: 'd-2', tier: 'scenario', aggregate: 85 },
          { dossierId: 'd-3', tier: 'scenario', aggregate: 80 },
          { dossierId: 'd-4', tier: 'scenario', aggregate: 80 },
        ],
        notForwardedCount: 3,
        noShowWithdrawnIds: [],
        closedAt: CLOSE_STAGE_DAY,
      });
      const selection = foldEvents(selectionDecider, [...inStageOne(), ...events]) as Selection;
      expect({ phase: selection.phase, stage: selection.stage, reviewDossierIds: selection.reviewDossierIds }).toEqual({
        phase: 'expert-review',
        stage: 2,
        reviewDossierIds: ['d-1', 'd-2', 'd-3', 'd-4'],
      });
    });

    it('given a threshold of 80, puts forward everyone at or above it', () => {
      const stages = [{ ...TWO_STAGES[0], advance: { kind: 'threshold', minimum: 85 } }, TWO_STAGES[1]];
      const events = given(inStageOne(twoStageCall(stages))).when(closeStage(BASE)).events();
      expect(dataOf(events, 'ReviewStageClosed').forwarded.map((d) => d.dossierId)).toEqual(['d-1', 'd-2']);
    });

    it('the stage’s own valid-review minimum applies before anything goes forward', () => {
      const command = closeStage(BASE);
      const scores = command.data.scores.filter((score) => !(score.dossierId === 'd-5' && score.expertId !== 'e-1'));
      given(inStageOne()).when({ ...command, data: { ...command.data, scores } }).thenRefused('valid-reviews-below-minimum', /d-5\(有效 1 份\)/);
    });

    it('closing expert review in a stage before the last is refused: the stage closes first', () => {
      given(inStageOne()).when(closeReview(BASE)).thenRefused('review-stage-not-last', /close it to put dossiers forward to 会议评审/);
    });

    it('the last stage (or the only one) is closed by CloseReview, not CloseReviewStage', () => {
      given(stageOneClosed()).when(closeStage({ 'd-1': 90 })).thenRefused('last-review-stage');
      const oneStage = play([openCall({ overrides: { quotas: { scenario: 2 } } }), closeSubmissions, closeFormalReview(seven), startExpertReview(seven)]);
      given(oneStage).when(closeStage(BASE)).thenRefused('last-review-stage');
    });

    it('no replacement round in a panel stage', () => {
      const replacement: SelectionCommand = {
        type: 'PlanReplacementAssignments',
        data: { dossiers: conflictDossiers(['d-1']), experts: experts(8), existing: [] },
        metadata: asAdmin(PANEL_DAY),
      };
      given(stageOneClosed()).when(replacement).thenRefused('panel-stage-has-no-plan');
    });
  });

  describe('FormPanel', () => {
    it('names the panel; a member who works for one applicant is recused from that dossier only', () => {
      const members = panelMembers();
      const conflicted = [...members, { ...members[0], expertId: 'p-4', organisationCreditCode: creditCode(201) }];
      const decision = decidePanel(formPanel(stageOneClosed(), conflicted), foldEvents(selectionDecider, stageOneClosed()));
      expect(decision.events).toEqual([
        {
          type: 'PanelFormed',
          data: { selectionId: 'demo-scenario-2026', stage: 2, name: '会议评审专家组', expertIds: ['p-1', 'p-2', 'p-3', 'p-4'], recusedSeats: 1, formedAt: PANEL_DAY },
        },
      ]);
      // creditCode(201) is the applicant of d-2 (conflictDossiers numbers them from 200).
      expect(decision.seats.find((seat) => seat.dossierId === 'd-2')).toEqual({
        dossierId: 'd-2',
        expertIds: ['p-1', 'p-2', 'p-3'],
        recused: [{ expertId: 'p-4', reason: '与申报单位为同一单位,回避' }],
      });
      expect(decision.seats.find((seat) => seat.dossierId === 'd-1')?.expertIds).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
    });

    it('refuses a panel that leaves a dossier with fewer members than the stage’s minimum', () => {
      const members = panelMembers().map((member, i) => (i === 0 ? { ...member, organisationCreditCode: creditCode(200) } : member));
      given(stageOneClosed()).when(formPanel(stageOneClosed(), members)).thenRefused('panel-too-small', /d-1 has 2 of the 3/);
    });

    it('the panel is checked against every dossier of the stage, and only those', () => {
      const command = formPanel(stageOneClosed());
      given(stageOneClosed()).when({ ...command, data: { ...command.data, dossiers: command.data.dossiers.slice(1) } }).thenRefused('invalid-dossier-list', /missing: d-1/);
      given(stageOneClosed()).when({ ...command, data: { ...command.data, dossiers: conflictDossiers(seven) } }).thenRefused('invalid-dossier-list', /is not in this review stage/);
    });

    it('one panel per stage, none in the online stage, no deactivated member', () => {
      const formed = play([formPanel(stageOneClosed())], stageOneClosed());
      given(formed).when(formPanel(stageOneClosed())).thenRefused('panel-already-formed');
      given(inStageOne()).when(formPanel(inStageOne())).thenRefused('stage-has-no-panel');
      const members = panelMembers().map((member, i) => (i === 2 ? { ...member, active: false } : member));
      given(stageOneClosed()).when(formPanel(stageOneClosed(), members)).thenRefused('expert-deactivated', /p-3/);
    });
  });

  describe('CloseReview after the panel', () => {
    const forwarded = { 'd-1': 70, 'd-2': 88, 'd-3': 75, 'd-4': 80 };

    it('given the last stage, ranks by the panel’s aggregate (mean of three)', () => {
      const events = given(stageOneClosed()).when(closeFinal(forwarded)).events();
      const closed = dataOf(events, 'ReviewClosed');
      expect(closed.stage).toBe(2);
      expect(closed.shortlist.tiers[0].selected.map((entry) => [entry.dossierId, entry.aggregate])).toEqual([
        ['d-2', 88],
        ['d-4', 80],
      ]);
      expect(closed.aggregates.map((aggregate) => aggregate.dossierId)).toEqual(['d-1', 'd-2', 'd-3', 'd-4']);
    });

    it('given 40 % online + 60 % panel, ranks by the combination, ties broken as before', () => {
      const history = stageOneClosed(twoStageCall(TWO_STAGES, { kind: 'weighted', percentByStage: { online: 40, panel: 60 } }));
      const closed = dataOf(given(history).when(closeFinal(forwarded)).events(), 'ReviewClosed');
      // d-1: 0.4×90 + 0.6×70 = 78; d-2: 0.4×85 + 0.6×88 = 86.8; d-3: 0.4×80 + 0.6×75 = 77; d-4: 0.4×80 + 0.6×80 = 80
      expect(closed.shortlist.tiers[0].selected.map((entry) => [entry.dossierId, entry.aggregate])).toEqual([
        ['d-2', 86.8],
        ['d-4', 80],
      ]);
      expect(closed.shortlist.tiers[0].reserves.map((entry) => [entry.dossierId, entry.aggregate])).toEqual([
        ['d-1', 78],
        ['d-3', 77],
      ]);
    });

    it('the panel stage’s minimum applies: a dossier with two panel scores holds the close', () => {
      const scores = panelScores(forwarded).filter((score) => !(score.dossierId === 'd-3' && score.expertId === 'p-3'));
      given(stageOneClosed()).when(closeFinal(forwarded, {}, scores)).thenRefused('valid-reviews-below-minimum', /d-3\(有效 2 份\)/);
    });

    it('a dossier not put forward is no candidate of the last stage', () => {
      given(stageOneClosed()).when(closeFinal({ ...forwarded, 'd-5': 99 })).thenRefused('invalid-dossier-list', /d-5 is not in this review stage/);
    });

    it('a missed defence scores zero when the call says so, without panel scores', () => {
      const scores = panelScores(forwarded).filter((score) => score.dossierId !== 'd-2');
      const closed = dataOf(given(stageOneClosed()).when(closeFinal(forwarded, { 'd-2': 'absent' }, scores)).events(), 'ReviewClosed');
      expect(closed.shortlist.tiers[0].selected.map((entry) => entry.dossierId)).toEqual(['d-4', 'd-3']);
      expect(closed.shortlist.belowThreshold).toEqual(['d-2']);
    });

    it('a missed defence withdraws the dossier when the call says so; or the panel scores it anyway', () => {
      const withdrawn = [TWO_STAGES[0], { ...TWO_STAGES[1], defence: { noShow: 'withdrawn' } }];
      const closed = dataOf(given(stageOneClosed(twoStageCall(withdrawn))).when(closeFinal(forwarded, { 'd-2': 'absent' })).events(), 'ReviewClosed');
      expect(closed.noShowWithdrawnIds).toEqual(['d-2']);
      expect(closed.shortlist.tiers[0].selected.map((entry) => entry.dossierId)).toEqual(['d-4', 'd-3']);

      const anyway = [TWO_STAGES[0], { ...TWO_STAGES[1], defence: { noShow: 'panel-scores-anyway' } }];
      const scored = dataOf(given(stageOneClosed(twoStageCall(anyway))).when(closeFinal(forwarded, { 'd-2': 'absent' })).events(), 'ReviewClosed');
      expect(scored.shortlist.tiers[0].selected.map((entry) => entry.dossierId)).toEqual(['d-2', 'd-4']);
    });
  });

  describe('a one-stage call', () => {
    it('closes review as before: no stage on the event', () => {
      const oneStage = play([openCall({ overrides: { quotas: { scenario: 2 } } }), closeSubmissions, closeFormalReview(seven), startExpertReview(seven)]);
      const closed = dataOf(given(oneStage).when(closeReview(BASE)).events(), 'ReviewClosed');
      expect(closed).not.toHaveProperty('stage');
      expect(closed.shortlist.tiers[0].selected.map((entry) => entry.dossierId)).toEqual(['d-1', 'd-2']);
    });
  });
});
