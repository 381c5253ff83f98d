import type { Dossier } from '@app/domain/dossier';
import type { Selection } from '@app/domain/selection';
import { confirmationOf } from './admin-confirmations';

/** Only the parts of a selection and its dossiers the 结束专家评审 confirmation reads. */
const selection = { reviewDossierIds: ['a', 'b', 'c'], rules: { expertsPerDossier: 5, minimumValidReviews: 3 } } as unknown as Selection;
const score = (expertId: string) => ({ expertId, points: {}, total: 80, comment: '好', submittedAt: 'x', amendedAt: null });
const dossier = (dossierId: string, title: string, scored: number, extra: Partial<Dossier> = {}) =>
  ({
    dossierId,
    title,
    status: 'passed',
    assignments: ['e1', 'e2', 'e3'].map((expertId) => ({ expertId, status: 'assigned', fieldMatch: true, recusalReason: null })),
    scores: ['e1', 'e2', 'e3'].slice(0, scored).map(score),
    ...extra,
  }) as unknown as Dossier;
const closeReview = (dossiers: Dossier[]) =>
  confirmationOf('close-review', {}, { selection, dossiers, expertName: (id) => `专家${id}`, activeExperts: 5 })!;

describe('the 结束专家评审 confirmation and the valid-review minimum', () => {
  it('given a dossier below 3 valid reviews, it refuses (no button) and names each with its count and what to do', () => {
    const shown = closeReview([dossier('a', '甲项目', 3), dossier('b', '乙项目', 2), dossier('c', '丙项目', 0)]);
    expect(shown.refused).toBe('乙项目(有效 2 份)、丙项目(有效 0 份) 的有效评审意见少于 3 份,不能结束专家评审。请催促专家评分或补充分配专家;确实无法评审的,请在该项目页面标记为无法评审并说明理由。');
    expect(shown.lines).toContain('每个项目须有不少于 3 份有效评审意见(被认定无效或已回避的评分不计)。');
  });

  it('given the short dossier marked not evaluable, it is listed with its reason, not waited for, and review may close', () => {
    const marked = dossier('b', '乙项目', 2, { notEvaluable: { reason: '本领域专家均已回避', validReviews: 2, minimum: 3, markedAt: 'x' } });
    const shown = closeReview([dossier('a', '甲项目', 3), marked, dossier('c', '丙项目', 3)]);
    expect(shown.refused).toBeUndefined();
    expect(shown.lines[0]).toContain('汇总 2 个项目的得分');
    expect(shown.lines).toContain('1 个项目已标记为无法评审,不参加排名:乙项目(本领域专家均已回避)。');
  });
});
