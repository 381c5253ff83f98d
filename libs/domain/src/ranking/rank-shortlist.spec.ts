import { refusalOf } from '../shared/refusal.test-support';
import { compareCandidates } from './ranking-order';
import { rankShortlist } from './rank-shortlist';
import { candidate } from './ranking.test-support';

// key-enterprise: 基础层 3 / 技术层 3 / 应用层 4
const quotas = [
  { tier: 'foundation', quota: 3 },
  { tier: 'technology', quota: 3 },
  { tier: 'application', quota: 4 },
];

function ids(entries: readonly { dossierId: string }[]): string[] {
  return entries.map((entry) => entry.dossierId);
}

describe('rankShortlist', () => {
  describe('given more eligible dossiers than places', () => {
    const candidates = [
      candidate('F-1', 'foundation', 91),
      candidate('F-2', 'foundation', 88),
      candidate('F-3', 'foundation', 85),
      candidate('F-4', 'foundation', 84),
      candidate('F-5', 'foundation', 83),
      candidate('F-6', 'foundation', 82),
      candidate('T-1', 'technology', 95),
      candidate('A-1', 'application', 70),
    ];
    const shortlist = rankShortlist({ candidates, quotas, minimumScore: 60, reservesPerTier: 2 });

    it('selects the best dossiers of each tier up to its quota', () => {
      expect(ids(shortlist.tiers[0].selected)).toEqual(['F-1', 'F-2', 'F-3']);
    });

    it('keeps the next ones, in order, as reserves, up to reservesPerTier', () => {
      expect(ids(shortlist.tiers[0].reserves)).toEqual(['F-4', 'F-5']);
      expect(shortlist.tiers[0].reserves.map((entry) => entry.rank)).toEqual([4, 5]);
    });

    it('never moves a spare dossier into another tier with free places', () => {
      expect(ids(shortlist.tiers[1].selected)).toEqual(['T-1']);
      expect(ids(shortlist.tiers[2].selected)).toEqual(['A-1']);
    });

    it('lists the tiers in quota order with their quotas, ranks starting at 1', () => {
      expect(shortlist.tiers.map((tier) => [tier.tier, tier.quota])).toEqual([
        ['foundation', 3],
        ['technology', 3],
        ['application', 4],
      ]);
      expect(shortlist.tiers[0].selected[0]).toEqual({ ...candidates[0], rank: 1 });
    });
  });

  describe('the minimum score', () => {
    const shortlist = rankShortlist({
      candidates: [
        candidate('F-1', 'foundation', 75),
        candidate('F-2', 'foundation', 60),
        candidate('F-3', 'foundation', 59.99),
        candidate('F-4', 'foundation', 30),
        candidate('T-1', 'technology', 12),
      ],
      quotas,
      minimumScore: 60,
      reservesPerTier: 3,
    });

    it('lets a dossier exactly at the minimum in', () => {
      expect(ids(shortlist.tiers[0].selected)).toEqual(['F-1', 'F-2']);
    });

    it('never selects nor reserves a dossier below it, even with places free', () => {
      expect(shortlist.tiers[0].reserves).toEqual([]);
      expect(shortlist.tiers[1].selected).toEqual([]);
    });

    it('lists the dossiers below it, best first', () => {
      expect(shortlist.belowThreshold).toEqual(['F-3', 'F-4', 'T-1']);
    });
  });

  describe('tie-breaks', () => {
    const base = { median: 80, minimum: 70, submittedAt: '2026-03-01T02:00:00Z' };

    it('breaks an equal aggregate by the higher median', () => {
      const a = candidate('D-1', 'foundation', 80, { ...base, median: 79 });
      const b = candidate('D-2', 'foundation', 80, { ...base, median: 81 });
      expect([a, b].sort(compareCandidates).map((c) => c.dossierId)).toEqual(['D-2', 'D-1']);
    });

    it('then by the higher lowest total', () => {
      const a = candidate('D-1', 'foundation', 80, { ...base, minimum: 65 });
      const b = candidate('D-2', 'foundation', 80, { ...base, minimum: 72 });
      expect([a, b].sort(compareCandidates).map((c) => c.dossierId)).toEqual(['D-2', 'D-1']);
    });

    it('then by the earlier submission, comparing instants rather than text', () => {
      const a = candidate('D-1', 'foundation', 80, { ...base, submittedAt: '2026-03-01T10:00:00+08:00' }); // 02:00Z
      const b = candidate('D-2', 'foundation', 80, { ...base, submittedAt: '2026-03-01T01:30:00Z' });
      expect([a, b].sort(compareCandidates).map((c) => c.dossierId)).toEqual(['D-2', 'D-1']);
    });

    it('then by dossier id, so that no two dossiers tie', () => {
      const a = candidate('D-2', 'foundation', 80, base);
      const b = candidate('D-1', 'foundation', 80, base);
      expect([a, b].sort(compareCandidates).map((c) => c.dossierId)).toEqual(['D-1', 'D-2']);
    });

    it('decides who takes the last place by the tie-break', () => {
      const shortlist = rankShortlist({
        candidates: [
          candidate('F-1', 'foundation', 90),
          candidate('F-2', 'foundation', 90),
          candidate('F-3', 'foundation', 85, { median: 84 }),
          candidate('F-4', 'foundation', 85, { median: 86 }),
        ],
        quotas,
        minimumScore: 0,
        reservesPerTier: 1,
      });
      expect(ids(shortlist.tiers[0].selected)).toEqual(['F-1', 'F-2', 'F-4']);
      expect(ids(shortlist.tiers[0].reserves)).toEqual(['F-3']);
    });
  });

  it('handles a quota of zero and no reserves', () => {
    const shortlist = rankShortlist({
      candidates: [candidate('F-1', 'foundation', 90)],
      quotas: [{ tier: 'foundation', quota: 0 }],
      minimumScore: 0,
      reservesPerTier: 0,
    });
    expect(shortlist.tiers[0]).toEqual({ tier: 'foundation', quota: 0, selected: [], reserves: [] });
  });

  it('keeps only the ranking fields of each candidate', () => {
    const shortlist = rankShortlist({
      candidates: [{ ...candidate('F-1', 'foundation', 90), title: 'secret' } as never],
      quotas,
      minimumScore: 0,
      reservesPerTier: 0,
    });
    expect(Object.keys(shortlist.tiers[0].selected[0]).sort()).toEqual(
      ['aggregate', 'dossierId', 'median', 'minimum', 'rank', 'submittedAt', 'tier'],
    );
  });

  describe('refuses input it cannot rank', () => {

    it('a dossier in a tier without a quota', () => {
      const refusal = refusalOf(() =>
        rankShortlist({ candidates: [candidate('X-1', 'platform', 80)], quotas, minimumScore: 0, reservesPerTier: 0 }),
      );
      expect(refusal.code).toBe('invalid-ranking');
      expect(refusal.kind).toBe('invalid');
      expect(refusal.message).toBe('the shortlist cannot be ranked: dossier X-1 is in tier platform, which has no quota');
    });

    it('duplicates, bad quotas, bad numbers and bad instants, all at once', () => {
      const refusal = refusalOf(() =>
        rankShortlist({
          candidates: [
            candidate('F-1', 'foundation', 80),
            candidate('F-1', 'foundation', Number.NaN, { median: 80, minimum: 80, submittedAt: 'March' }),
          ],
          quotas: [...quotas, { tier: 'foundation', quota: 1.5 }],
          minimumScore: Number.NaN,
          reservesPerTier: -1,
        }),
      );
      expect(refusal.details).toEqual({
        problems: [
          'tier foundation has more than one quota',
          'quota of tier foundation must be a whole number ≥ 0, got 1.5',
          'reservesPerTier must be a whole number ≥ 0, got -1',
          'minimumScore must be a number, got NaN',
          'dossier F-1 is given more than once',
          'dossier F-1 has no aggregate score (NaN)',
          'submittedAt of dossier F-1 must be an ISO-8601 instant with Z or an offset, e.g. 2026-03-31T16:00:00Z; got "March"',
        ],
      });
    });
  });
});
