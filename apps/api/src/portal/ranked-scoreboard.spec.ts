import type { Selection } from '@app/domain/selection';
import { rankedScoreboard } from './ranked-scoreboard';

const aggregate = (dossierId: string, value: number, disagreement = false) => ({ dossierId, count: 3, aggregate: value, mean: value, median: value, minimum: value - 5, maximum: value + 5, spread: 10, disagreement });

const selection = {
  rules: { tiers: [{ code: 'scenario', name: '示范场景', quota: 2 }] },
  // The aggregation's order is not the ranking's: the board must follow the shortlist.
  aggregates: [aggregate('c', 70), aggregate('low', 40), aggregate('a', 90, true), aggregate('d', 65), aggregate('b', 85)],
  shortlist: {
    tiers: [{ tier: 'scenario', quota: 2, selected: [{ dossierId: 'a', rank: 1 }, { dossierId: 'b', rank: 2 }], reserves: [{ dossierId: 'c', rank: 3 }] }],
    belowThreshold: ['low'],
  },
} as unknown as Selection;

const dossiers = ['a', 'b', 'c', 'd', 'low'].map((id) => ({ dossierId: id, title: `项目${id}`, tier: 'scenario', totals: [60, 70, 80] }));

describe('the ranked scoreboard', () => {
  it('lists a tier in ranking order with the cut-off after the last place, then reserves, the rest and those below the minimum', () => {
    const [tier] = rankedScoreboard(selection, dossiers, (id) => `/admin/dossiers/${id}`);
    expect(tier.name).toBe('示范场景');
    expect(tier.rows.map((row) => [row.place, row.dossierId, row.standingName, row.cutOffAfter])).toEqual([
      [1, 'a', '入围', false],
      [2, 'b', '入围', true],
      [3, 'c', '候补', false],
      [4, 'd', '未入围', false],
      [5, 'low', '低于最低分', false],
    ]);
    expect(tier.rows[0].disagreement).toBe(true);
    expect(tier.rows[0].href).toBe('/admin/dossiers/a');
    expect(tier.rows[0].chart).toContain('>100</text>');
  });

  it('is empty before review has closed', () => {
    expect(rankedScoreboard({ ...selection, shortlist: null } as Selection, dossiers, (id) => id)).toEqual([]);
  });
});
