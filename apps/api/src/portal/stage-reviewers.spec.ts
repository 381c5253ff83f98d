import type { Dossier } from '@app/domain/dossier';
import type { Selection } from '@app/domain/selection';
import { shownReviewersOf, stageReviewersOf } from './stage-reviewers';

const STAGES = [
  { code: 'online', name: '通讯评审', kind: 'online', advance: { kind: 'top-per-tier', perTier: 1 } },
  { code: 'panel', name: '会议评审', kind: 'panel', minimumValidReviews: 2 },
];
const selection = (stage: number) => ({ phase: 'expert-review', stage, rules: { expertsPerDossier: 3, minimumValidReviews: 3, rubric: [], aggregation: 'mean', stages: STAGES } }) as unknown as Selection;
const score = (expertId: string) => ({ expertId, points: {}, total: 80, comment: '意见', submittedAt: 'x', amendedAt: null });
const online = {
  dossierId: 'a',
  assignments: [
    { expertId: 'e1', status: 'assigned', fieldMatch: true, recusalReason: null },
    { expertId: 'e2', status: 'recused', fieldMatch: true, recusalReason: '合作关系' },
  ],
  scores: [score('e1')],
};
const seat = { stage: 2, panelName: '会议评审专家组', expertIds: ['p1', 'p2'], recused: [{ expertId: 'p3', reason: '同一单位' }], defence: null, attendance: null, scores: [score('p2')] };

describe('the reviewers the dossier page shows', () => {
  it('given the online stage, they are the assigned experts with their online scores and the call’s minimum', () => {
    const shown = stageReviewersOf(selection(1), online as unknown as Dossier);
    expect(shown).toMatchObject({ stage: 1, stageName: '通讯评审', minimum: 3 });
    expect(shown.reviewers.map((reviewer) => [reviewer.expertId, reviewer.recused, reviewer.score?.total ?? null])).toEqual([['e1', false, 80], ['e2', true, null]]);
  });

  it('given a panel stage, they are the dossier’s seat (recused members last) with the panel scores and the stage’s minimum', () => {
    const shown = shownReviewersOf(selection(2), { ...online, laterStages: [seat] } as unknown as Dossier);
    expect(shown).toMatchObject({ stage: 2, stageName: '会议评审', minimum: 2 });
    expect(shown.reviewers.map((reviewer) => [reviewer.expertId, reviewer.recused, reviewer.recusalReason, reviewer.score?.total ?? null])).toEqual([
      ['p1', false, null, null],
      ['p2', false, null, 80],
      ['p3', true, '同一单位', null],
    ]);
  });

  it('a dossier not put forward shows its online review in a panel stage', () => {
    expect(shownReviewersOf(selection(2), online as unknown as Dossier)).toMatchObject({ stage: 1, reviewers: [{ expertId: 'e1' }, { expertId: 'e2' }] });
  });
});
