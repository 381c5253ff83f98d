// Stage declarations for specs here and in the deciders.
export const PANEL_RUBRIC = [
  { code: 'defence', name: '答辩表现', weight: 30, maxPoints: 30 },
  { code: 'feasibility', name: '实施可行性', weight: 30, maxPoints: 30 },
  { code: 'impact', name: '示范带动', weight: 25, maxPoints: 25 },
  { code: 'team', name: '团队与保障', weight: 15, maxPoints: 15 },
];

/** 通讯评审 → 会议评审(答辩), as a programme or a call declares it. */
export const TWO_STAGES = [
  { code: 'online', name: '通讯评审', kind: 'online', advance: { kind: 'top-per-tier', perTier: 3 } },
  {
    code: 'panel',
    name: '会议评审',
    kind: 'site-visit-or-defence',
    rubric: PANEL_RUBRIC,
    aggregation: 'mean',
    minimumValidReviews: 3,
    defence: { noShow: 'score-zero' },
  },
];

