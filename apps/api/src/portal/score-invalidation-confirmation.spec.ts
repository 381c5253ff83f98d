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

  describe('in a panel stage (会议评审)', () => {
    const STAGES = [
      { code: 'online', name: '通讯评审', kind: 'online', advance: { kind: 'top-per-tier', perTier: 2 } },
      { code: 'panel', name: '会议评审', kind: 'panel', minimumValidReviews: 3 },
    ];
    const inPanel = { phase: 'expert-review', stage: 2, rules: { expertsPerDossier: 3, minimumValidReviews: 3, rubric: [], aggregation: 'mean', stages: STAGES } } as unknown as Selection;
    const panelStage = { stage: 2, panelName: '会议评审专家组', expertIds: ['p1', 'p2', 'p3'], recused: [], defence: null, attendance: 'attended', scores: ['p1', 'p2', 'p3'].map(score) };
    const forwarded = dossier({ laterStages: [panelStage] } as Partial<Dossier>);

    it('lists the panel’s scores against the panel stage’s minimum, and carries the stage to the command', () => {
      const shown = scoreInvalidationConfirmation(inPanel, forwarded, 'p2', '意见与分数矛盾', name);
      expect(shown.refused).toBeUndefined();
      expect(shown.stage).toBe(2);
      expect(shown.lines[1]).toBe('会议评审的有效评审意见将由 3 份变为 2 份(本阶段要求不少于 3 份)。');
      expect(shown.lines[2]).toBe('该专家的评分不再计入会议评审;专家组不做补充分配,如有效评审意见不足,可将项目标记为无法评审并说明理由。');
      expect(shown.warnings).toEqual(['认定后会议评审的有效评审意见少于 3 份,须将该项目标记为无法评审并说明理由后才能结束专家评审。']);
    });

    it('an online score is not one of this stage’s: there is no button', () => {
      expect(scoreInvalidationConfirmation(inPanel, forwarded, 'e1', '理由', name).refused).toContain('没有计入的评分');
    });
  });
});
