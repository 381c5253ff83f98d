import type { Dossier } from '@app/domain/dossier';
import type { Selection } from '@app/domain/selection';
import { scoreInvalidationConfirmation } from './score-invalidation-confirmation';

const selection = (phase = 'expert-review') => ({ phase, rules: { expertsPerDossier: 3, minimumValidReviews: 3 } }) as unknown as Selection;
const score = (expertId: string) => ({ expertId, points: { technology: 20 }, total: 81.5, comment: '意见', submittedAt: 'x', amendedAt: null });
const dossier = (extra: Partial<Dossier> = {}) =>
  ({
    dossierId: 'a',
    title: '甲项目',
    assignments: ['e1', 'e2', 'e3'].map((expertId) => ({ expertId, status: 'assigned', fieldMatch: true, recusalReason: null })),
    scores: ['e1', 'e2', 'e3'].map(score),
    ...extra,
  }) as unknown as Dossier;
const name = (id: string) => `专家${id}`;

describe('the 认定评分无效 confirmation', () => {
  it('given a counted score during review, it says what stops counting, the count after it and the minimum, and never the points', () => {
    const shown = scoreInvalidationConfirmation(selection(), dossier(), 'e2', '评审意见与所给分数矛盾', name);
    expect(shown.refused).toBeUndefined();
    expect(shown.lines[0]).toBe('《甲项目》中 专家e2 的评分将被认定无效,不再计入得分。理由:评审意见与所给分数矛盾');
    expect(shown.lines[1]).toBe('有效评审意见将由 3 份变为 2 份(本评选要求不少于 3 份)。');
    expect(shown.warnings).toEqual(['认定后有效评审意见少于 3 份,须补充分配专家并待其评分后才能结束专家评审。']);
    expect(JSON.stringify(shown)).not.toContain('81.5');
  });

  it('given a drawn dossier, it names the reserve who steps in next', () => {
    const draw = { seed: 's', candidates: ['e1', 'e2', 'e3', 'e4', 'e5'], drawn: ['e1', 'e2', 'e3'], reserves: ['e5', 'e4'], drawnAt: 'x' };
    expect(scoreInvalidationConfirmation(selection(), dossier({ draw }), 'e1', '缺少评审意见', name).lines[2]).toContain('(下一位:专家e5)');
  });

  it('after review closes, or for an expert without a counted score, there is no button', () => {
    expect(scoreInvalidationConfirmation(selection('review-closed'), dossier(), 'e1', '理由', name).refused).toContain('评审结束后');
    expect(scoreInvalidationConfirmation(selection(), dossier({ scores: [] }), 'e1', '理由', name).refused).toContain('没有计入的评分');
  });
});
