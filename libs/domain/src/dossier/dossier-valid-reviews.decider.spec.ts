import type { DossierCommand } from './dossier.commands';
import type { DossierEvent } from './dossier.events';
import type { Dossier } from './dossier.state';
import { reviewInputOf } from './dossier.views';
import { dossierDecider } from './dossier.decider';
import { foldEvents } from '../shared/decider';
import { DOSSIER_ID, IN_REVIEW, asAdmin, asExpert, assigned, expert, facts, given, inReview, scoreCommand, scored } from './dossier.test-support';

const threeScored = [...inReview, assigned('e1'), assigned('e2'), assigned('e3'), scored('e1'), scored('e2'), scored('e3')];
const invalidate = (expertId: string, reason = '评审意见缺失,与分数矛盾', metadata = asAdmin(IN_REVIEW), selection = facts('expert-review')): DossierCommand => ({
  type: 'InvalidateScore',
  data: { dossierId: DOSSIER_ID, selection, expertId, reason },
  metadata,
});
const markNotEvaluable = (reason = '本领域可用专家均已回避', metadata = asAdmin(IN_REVIEW), selection = facts('expert-review')): DossierCommand => ({
  type: 'MarkNotEvaluable',
  data: { dossierId: DOSSIER_ID, selection, reason },
  metadata,
});
const invalidated: DossierEvent = {
  type: 'ScoreInvalidated',
  data: { dossierId: DOSSIER_ID, expertId: 'e2', total: 82, reason: '评审意见缺失,与分数矛盾', invalidatedAt: IN_REVIEW },
};

describe('dossier: valid reviews (有效评审意见)', () => {
  describe('InvalidateScore', () => {
    it('the admin declares a score invalid with a reason; it stops counting, is kept with its reason, and the place is free for a replacement', () => {
      given(threeScored).when(invalidate('e2')).then([invalidated]);
      const dossier = foldEvents(dossierDecider, [...threeScored, invalidated]) as Dossier;
      expect(dossier.scores.map((score) => score.expertId)).toEqual(['e1', 'e3']);
      expect(dossier.invalidatedScores).toEqual([{ expertId: 'e2', total: 82, reason: '评审意见缺失,与分数矛盾', invalidatedAt: IN_REVIEW }]);
      expect(reviewInputOf(dossier)?.scores.map((score) => score.expertId)).toEqual(['e1', 'e3']);
      expect(dossier.assignments.filter((assignment) => assignment.status === 'assigned').map((assignment) => assignment.expertId)).toEqual(['e1', 'e3']);
    });

    it('the expert whose score was declared invalid can neither score it again nor be assigned to it again', () => {
      const history = [...threeScored, invalidated];
      given(history).when(scoreCommand('e2')).thenRefused('expert-recused');
      given(history)
        .when({ type: 'AssignExpert', data: { dossierId: DOSSIER_ID, selection: facts('expert-review'), expert: expert('e2') }, metadata: asAdmin(IN_REVIEW) })
        .thenRefused('expert-recused');
    });

    it('only an admin, with a reason, for a score that counts, during expert review', () => {
      given(threeScored).when(invalidate('e2', '评审意见缺失', asExpert('e1', IN_REVIEW))).thenRefused('forbidden');
      given(threeScored).when(invalidate('e2', ' ')).thenRefused('text-missing');
      given(threeScored).when(invalidate('e9')).thenRefused('score-not-found');
      given([...threeScored, invalidated]).when(invalidate('e2')).thenRefused('score-not-found');
      given(threeScored).when(invalidate('e2', '理由', asAdmin(IN_REVIEW), facts('review-closed'))).thenRefused('wrong-phase');
    });
  });

  describe('MarkNotEvaluable', () => {
    const twoScored = [...inReview, assigned('e1'), assigned('e2'), scored('e1'), scored('e2')];

    it('a dossier below the minimum is marked not evaluable with the reason and its count; it is then no candidate for the ranking', () => {
      const events = given(twoScored)
        .when(markNotEvaluable())
        .then([{ type: 'DossierMarkedNotEvaluable', data: { dossierId: DOSSIER_ID, validReviews: 2, minimum: 3, reason: '本领域可用专家均已回避', markedAt: IN_REVIEW } }]);
      const dossier = foldEvents(dossierDecider, [...twoScored, ...events]) as Dossier;
      expect(dossier.notEvaluable).toEqual({ reason: '本领域可用专家均已回避', validReviews: 2, minimum: 3, markedAt: IN_REVIEW });
      expect(reviewInputOf(dossier)).toBeNull();
      given([...twoScored, ...events]).when(markNotEvaluable()).thenRefused('dossier-already-not-evaluable');
    });

    it('a dossier with enough valid reviews is ranked, not marked', () => {
      const refusal = given(threeScored).when(markNotEvaluable()).thenRefused('dossier-evaluable');
      expect(refusal.details).toEqual({ validReviews: 3, minimum: 3 });
    });

    it('an invalidated score brings a dossier below the minimum', () => {
      given([...threeScored, invalidated]).when(markNotEvaluable('两份有效意见,无可补充专家')).events();
    });

    it('only an admin, with a reason, during expert review', () => {
      given(twoScored).when(markNotEvaluable('理由', asExpert('e1', IN_REVIEW))).thenRefused('forbidden');
      given(twoScored).when(markNotEvaluable('')).thenRefused('text-missing');
      given(twoScored).when(markNotEvaluable('理由', asAdmin(IN_REVIEW), facts('review-closed'))).thenRefused('wrong-phase');
    });
  });
});
