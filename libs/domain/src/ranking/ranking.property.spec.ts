import fc from 'fast-check';
import { RankingCandidate } from './ranking-order';
import { promoteReserve } from './promote-reserve';
import { RankedShortlist, rankShortlist } from './rank-shortlist';

// Modest by default (CI has 2 cores); PROPERTY_RUNS=5000 for a deeper search.
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) };
const TIERS = ['foundation', 'technology', 'application'];

// Scores from a small set so that ties, and tie-breaks down to the dossier id, are common.
const score = fc.constantFrom(55, 60, 70, 80, 80.5, 90);
const candidates = fc
  .uniqueArray(
    fc.record({
      dossierId: fc.integer({ min: 1, max: 60 }).map((n) => `D-${n}`),
      tier: fc.constantFrom(...TIERS),
      aggregate: score,
      median: score,
      minimum: score,
      submittedAt: fc.constantFrom('2026-03-01T02:00:00Z', '2026-03-01T10:00:00+08:00', '2026-03-02T00:00:00Z'),
    }),
    { selector: (candidate) => candidate.dossierId, maxLength: 30 },
  );
const quotas = fc.tuple(...TIERS.map(() => fc.integer({ min: 0, max: 5 }))).map((values) =>
  TIERS.map((tier, i) => ({ tier, quota: values[i] })),
);
const settings = fc.record({
  quotas,
  minimumScore: fc.constantFrom(0, 60, 75),
  reservesPerTier: fc.integer({ min: 0, max: 3 }),
});

function placed(shortlist: RankedShortlist): string[] {
  return shortlist.tiers.flatMap((tier) => [...tier.selected, ...tier.reserves].map((entry) => entry.dossierId));
}

describe('ranking properties', () => {
  it('never selects more dossiers than a tier’s quota, nor reserves more than asked', () => {
    fc.assert(
      fc.property(candidates, settings, (list, { quotas: q, minimumScore, reservesPerTier }) => {
        const shortlist = rankShortlist({ candidates: list, quotas: q, minimumScore, reservesPerTier });
        for (const tier of shortlist.tiers) {
          expect(tier.selected.length).toBeLessThanOrEqual(tier.quota);
          expect(tier.reserves.length).toBeLessThanOrEqual(reservesPerTier);
          if (tier.reserves.length > 0) expect(tier.selected.length).toBe(tier.quota);
          for (const entry of [...tier.selected, ...tier.reserves]) expect(entry.tier).toBe(tier.tier);
        }
      }),
      RUNS,
    );
  });

  it('never selects or reserves a dossier below the minimum score, and lists every such dossier', () => {
    fc.assert(
      fc.property(candidates, settings, (list, { quotas: q, minimumScore, reservesPerTier }) => {
        const shortlist = rankShortlist({ candidates: list, quotas: q, minimumScore, reservesPerTier });
        for (const tier of shortlist.tiers) {
          for (const entry of [...tier.selected, ...tier.reserves]) expect(entry.aggregate).toBeGreaterThanOrEqual(minimumScore);
        }
        const below = list.filter((c) => c.aggregate < minimumScore).map((c) => c.dossierId);
        expect([...shortlist.belowThreshold].sort()).toEqual(below.sort());
      }),
      RUNS,
    );
  });

  it('gives the same shortlist whatever the order of the candidates', () => {
    fc.assert(
      fc.property(
        candidates.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        settings,
        ([list, shuffled], { quotas: q, minimumScore, reservesPerTier }) => {
          const input = { quotas: q, minimumScore, reservesPerTier };
          expect(rankShortlist({ ...input, candidates: shuffled })).toEqual(rankShortlist({ ...input, candidates: list }));
        },
      ),
      RUNS,
    );
  });

  it('ranks no dossier of a tier above a better one of the same tier', () => {
    fc.assert(
      fc.property(candidates, settings, (list, { quotas: q, minimumScore, reservesPerTier }) => {
        const shortlist = rankShortlist({ candidates: list, quotas: q, minimumScore, reservesPerTier });
        const onList = new Set(placed(shortlist));
        for (const tier of shortlist.tiers) {
          const last = [...tier.selected, ...tier.reserves].at(-1);
          if (!last || tier.selected.length + tier.reserves.length < tier.quota + reservesPerTier) continue;
          // A full tier: every eligible dossier left out is no better than the last one placed.
          const leftOut = list.filter((c: RankingCandidate) => c.tier === tier.tier && c.aggregate >= minimumScore && !onList.has(c.dossierId));
          for (const other of leftOut) expect(other.aggregate).toBeLessThanOrEqual(last.aggregate);
        }
      }),
      RUNS,
    );
  });

  it('promoting a reserve never exceeds the quota and keeps the tier’s order', () => {
    fc.assert(
      fc.property(candidates, settings, fc.nat(), (list, { quotas: q, minimumScore, reservesPerTier }, pick) => {
        const shortlist = rankShortlist({ candidates: list, quotas: q, minimumScore, reservesPerTier });
        const onList = placed(shortlist);
        fc.pre(onList.length > 0);
        const removed = onList[pick % onList.length];
        const { shortlist: after } = promoteReserve(shortlist, removed);
        expect(placed(after)).toEqual(onList.filter((id) => id !== removed));
        for (const tier of after.tiers) {
          expect(tier.selected.length).toBeLessThanOrEqual(tier.quota);
          expect([...tier.selected, ...tier.reserves].map((entry) => entry.rank)).toEqual(
            [...tier.selected, ...tier.reserves].map((_, i) => i + 1),
          );
        }
      }),
      RUNS,
    );
  });
});
