import { foldEvents } from '../shared/decider';
import { selectionDecider } from './selection.decider';
import type { SelectionCommand } from './selection.commands';
import { Selection } from './selection.state';
import {
  REVIEW_DAY,
  asAdmin,
  closeFormalReview,
  closeReview,
  closeSubmissions,
  conflictDossiers,
  dossierIds,
  experts,
  given,
  openCall,
  play,
  startExpertReview,
  dataOf,
  planned,
} from './selection.test-support';

const smallCall = openCall({ overrides: { quotas: { scenario: 3 } } });
const seven = dossierIds(7);
const formalReviewClosed = () => play([smallCall, closeSubmissions, closeFormalReview(seven)]);
const inExpertReview = () => play([startExpertReview(seven)], formalReviewClosed());

const BASE = { 'd-1': 90, 'd-2': 85, 'd-3': 80, 'd-4': 75, 'd-5': 70, 'd-6': 65, 'd-7': 50 };


describe('selection: expert review', () => {
  describe('StartExpertReview', () => {
    it('plans five experts per dossier, balanced across the pool, with no unfilled place', () => {
      const { plan, events } = planned(formalReviewClosed(), startExpertReview(seven));
      expect(plan.unfilled).toEqual([]);
      expect(plan.assignments).toHaveLength(35);
      const loads = Object.values(plan.loads);
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      expect(dataOf(events, 'ExpertReviewStarted')).toEqual({
        selectionId: 'demo-scenario-2026',
        dossierIds: seven,
        seed: 'demo-scenario-2026',
        expertsPerDossier: 5,
        maxPerExpert: 15,
        assignedCount: 35,
        assignedPerExpert: plan.loads,
        unfilledPlaces: 0,
        unfilledDossierIds: [],
        reviewDeadlineDate: null,
        startedAt: REVIEW_DAY,
      });
    });

    it('the selection stream keeps the plan’s counts, not its pairs: the pairs go to the dossiers as ExpertAssigned', () => {
      const many = dossierIds(200);
      const history = play([smallCall, closeSubmissions, closeFormalReview(many)]);
      const { plan, events } = planned(history, startExpertReview(many, experts(100)));
      expect(plan.assignments).toHaveLength(1000);
      const data = dataOf(events, 'ExpertReviewStarted');
      expect(data).not.toHaveProperty('assignments');
      expect(data).not.toHaveProperty('loads');
      expect(data.assignedCount).toBe(1000);
      expect(Object.keys(data.assignedPerExpert)).toHaveLength(100);
      // Ids of the dossiers and counts per expert: what is left grows with N, not with N × experts per dossier.
      expect(JSON.stringify(data).length).toBeLessThan(JSON.stringify(plan.assignments).length / 5);
    });

    it('the plan is the same for the same seed', () => {
      const once = planned(formalReviewClosed(), startExpertReview(seven));
      const again = planned(formalReviewClosed(), startExpertReview(seven));
      expect(again).toEqual(once);
      expect(given(formalReviewClosed()).when(startExpertReview(seven)).events()).toEqual(once.events);
    });

    it('records unfilled places when the pool is too small, and answers their reason', () => {
      const { plan, events } = planned(formalReviewClosed(), startExpertReview(['d-1'], experts(3)));
      expect(plan.assignments).toHaveLength(3);
      expect(plan.unfilled).toEqual([{ dossierId: 'd-1', missing: 2, reason: expect.any(String) }]);
      expect(dataOf(events, 'ExpertReviewStarted')).toMatchObject({ assignedCount: 3, unfilledPlaces: 2, unfilledDossierIds: ['d-1'] });
    });

    it('an expert of the applicant’s own organisation is never planned', () => {
      const [dossier] = conflictDossiers(['d-1']);
      const pool = experts(6).map((expert, i) => (i === 0 ? { ...expert, organisationCreditCode: dossier.applicantCreditCode } : expert));
      const command: SelectionCommand = { ...startExpertReview(['d-1']), data: { dossiers: [dossier], experts: pool } };
      const { plan, events } = planned(formalReviewClosed(), command);
      expect(plan.assignments.map((assignment) => assignment.expertId)).not.toContain('e-1');
      expect(dataOf(events, 'ExpertReviewStarted').assignedPerExpert).not.toHaveProperty('e-1');
    });

    it('only dossiers that passed formal review are reviewed', () => {
      given(formalReviewClosed()).when(startExpertReview(['d-1', 'd-99'])).thenRefused('invalid-dossier-list', 'd-99 did not pass');
      given(formalReviewClosed()).when(startExpertReview(['d-1', 'd-1'])).thenRefused('invalid-dossier-list');
      given(formalReviewClosed()).when(startExpertReview([])).thenRefused('nothing-to-review');
    });

    it('records the review deadline when one is set, and none when it is not', () => {
      const withDeadline = { ...startExpertReview(seven), data: { ...startExpertReview(seven).data, reviewDeadlineDate: '2026-07-31' } } as SelectionCommand;
      const events = given(formalReviewClosed()).when(withDeadline).events();
      expect(dataOf(events, 'ExpertReviewStarted').reviewDeadlineDate).toBe('2026-07-31');
      expect(foldEvents(selectionDecider, [...formalReviewClosed(), ...events]) as Selection).toMatchObject({ reviewDeadlineDate: '2026-07-31' });
      expect(dataOf(given(formalReviewClosed()).when(startExpertReview(seven)).events(), 'ExpertReviewStarted').reviewDeadlineDate).toBeNull();
    });

    it('a review deadline before today or not a date is refused', () => {
      const withDeadline = (reviewDeadlineDate: string) =>
        ({ ...startExpertReview(seven), data: { ...startExpertReview(seven).data, reviewDeadlineDate } }) as SelectionCommand;
      given(formalReviewClosed()).when(withDeadline('2020-01-01')).thenRefused('review-deadline-past', '2020-01-01');
      given(formalReviewClosed()).when(withDeadline('2026-02-30')).thenRefused('invalid-date');
    });

    it('a stream recorded before deadlines existed folds to no deadline', () => {
      const [started] = given(formalReviewClosed()).when(startExpertReview(seven)).events();
      const { reviewDeadlineDate: _dropped, ...older } = dataOf([started], 'ExpertReviewStarted');
      const state = foldEvents(selectionDecider, [...formalReviewClosed(), { type: 'ExpertReviewStarted', data: older }] as never) as Selection;
      expect(state.reviewDeadlineDate).toBeNull();
    });

    it('an expert pool without an active expert is refused', () => {
      given(formalReviewClosed()).when(startExpertReview(seven, experts(6, { active: false }))).thenRefused('no-experts');
    });

    it('expert review starts only after formal review closes', () => {
      given(play([smallCall, closeSubmissions]))
        .when(startExpertReview(seven))
        .thenRefused('wrong-phase', 'now in formal review');
    });
  });

  describe('PlanReplacementAssignments', () => {
    const replace = (existing: { dossierId: string; expertId: string }[], seed?: string): SelectionCommand => ({
      type: 'PlanReplacementAssignments',
      data: { dossiers: conflictDossiers(['d-1']), experts: experts(8), existing, seed },
      metadata: asAdmin(REVIEW_DAY),
    });

    it('fills a place freed by a recusal, keeping the experts in force, in a numbered round', () => {
      const inForce = ['e-2', 'e-3', 'e-4', 'e-5'].map((expertId) => ({ dossierId: 'd-1', expertId }));
      const { plan, events } = planned(inExpertReview(), replace(inForce));
      expect(plan.unfilled).toEqual([]);
      expect(plan.assignments).toHaveLength(1);
      const [{ expertId }] = plan.assignments;
      expect(['e-2', 'e-3', 'e-4', 'e-5']).not.toContain(expertId);
      expect(dataOf(events, 'ReplacementAssignmentsPlanned')).toEqual({
        selectionId: 'demo-scenario-2026',
        round: 2,
        seed: 'demo-scenario-2026/round-2',
        assignedCount: 1,
        assignedPerExpert: { [expertId]: 1 },
        unfilledPlaces: 0,
        unfilledDossierIds: [],
        plannedAt: REVIEW_DAY,
      });
      const after = play([replace(inForce)], inExpertReview());
      expect(dataOf(given(after).when(replace(inForce, 'custom')).events(), 'ReplacementAssignmentsPlanned')).toMatchObject({
        round: 3,
        seed: 'custom',
      });
    });

    it('replacements are planned only for dossiers in review, and only during review', () => {
      const command = replace([]);
      given(inExpertReview())
        .when({ ...command, data: { ...command.data, dossiers: conflictDossiers(['d-1', 'd-8']).slice(1) } } as SelectionCommand)
        .thenRefused('invalid-dossier-list');
      given(inExpertReview()).when({ ...command, data: { ...command.data, dossiers: [] } } as SelectionCommand).thenRefused('nothing-to-review');
      given(formalReviewClosed()).when(command).thenRefused('wrong-phase');
    });
  });

  describe('CloseReview', () => {
    it('freezes the ranked shortlist with reserves; below the minimum score is never listed', () => {
      const events = given(inExpertReview()).when(closeReview(BASE)).events();
      const { shortlist, aggregates } = dataOf(events, 'ReviewClosed');
      const [tier] = shortlist.tiers;
      expect(tier.selected.map((entry) => [entry.dossierId, entry.rank, entry.aggregate])).toEqual([
        ['d-1', 1, 90],
        ['d-2', 2, 85],
        ['d-3', 3, 80],
      ]);
      expect(tier.reserves.map((entry) => [entry.dossierId, entry.rank])).toEqual([
        ['d-4', 4],
        ['d-5', 5],
      ]);
      expect(shortlist.belowThreshold).toEqual(['d-7']);
      expect(aggregates.map((aggregate) => aggregate.dossierId)).toEqual(seven);
      expect(aggregates[0]).toMatchObject({ count: 5, aggregate: 90, mean: 90, spread: 10, disagreement: false });
    });

    it('equal aggregates are ordered by median, then lowest total, then earlier submission', () => {
      const command = closeReview({ 'd-1': 80, 'd-2': 80 });
      const events = given(inExpertReview()).when(command).events();
      // Same totals: the earlier submission (d-1 on 03-10) ranks first.
      expect(dataOf(events, 'ReviewClosed').shortlist.tiers[0].selected.map((entry) => entry.dossierId)).toEqual(['d-1', 'd-2']);
    });

    describe('valid-review minimum (有效评审意见不少于 3 份, NSFC)', () => {
      const keepScores = (command: ReturnType<typeof closeReview>, dossierId: string, count: number) => {
        let kept = 0;
        const scores = command.data.scores.filter((score) => score.dossierId !== dossierId || (kept += 1) <= count);
        return { ...command, data: { ...command.data, scores } };
      };

      it('review cannot close while a candidate has fewer than 3 valid scores; every such dossier is named in Chinese with its count', () => {
        const command = keepScores(keepScores(closeReview(BASE), 'd-4', 0), 'd-6', 2);
        const refusal = given(inExpertReview()).when(command).thenRefused('valid-reviews-below-minimum', 'd-4(有效 0 份)、d-6(有效 2 份)');
        expect(refusal.message).toContain('少于 3 份');
        expect(refusal.message).toMatch(/补充分配专家.*标记为无法评审/);
        expect(refusal.details).toEqual({ minimum: 3, dossiers: [{ dossierId: 'd-4', validReviews: 0 }, { dossierId: 'd-6', validReviews: 2 }] });
      });

      it('three valid scores are enough', () => {
        given(inExpertReview()).when(keepScores(closeReview(BASE), 'd-6', 3)).events();
      });

      it('a call sets its own minimum', () => {
        const twoEnough = openCall({ overrides: { quotas: { scenario: 3 }, minimumValidReviews: 2 } });
        const history = play([twoEnough, closeSubmissions, closeFormalReview(seven), startExpertReview(seven)]);
        given(history).when(keepScores(closeReview(BASE), 'd-6', 2)).events();
        given(history).when(keepScores(closeReview(BASE), 'd-6', 1)).thenRefused('valid-reviews-below-minimum', 'd-6(有效 1 份)');
      });
    });

    it('scores for a dossier that is not a candidate are refused', () => {
      const command = closeReview(BASE);
      const stray = { ...command, data: { ...command.data, candidates: command.data.candidates.slice(1) } };
      given(inExpertReview()).when(stray).thenRefused('score-for-unknown-dossier', 'd-1');
    });

    it('a candidate that was not in expert review is refused', () => {
      given(inExpertReview()).when(closeReview({ ...BASE, 'd-42': 99 })).thenRefused('invalid-dossier-list', 'd-42');
    });

    it('review closes only during expert review', () => {
      given(formalReviewClosed()).when(closeReview(BASE)).thenRefused('wrong-phase', 'expert review has not started yet');
    });

    it('the frozen shortlist is what the selection then holds', () => {
      const state = foldEvents(selectionDecider, play([closeReview(BASE)], inExpertReview())) as Selection;
      expect(state.phase).toBe('review-closed');
      expect(state.shortlist?.tiers[0].selected).toHaveLength(3);
    });
  });
});
