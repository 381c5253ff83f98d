import { promoteReserve } from './promote-reserve';
import { rankShortlist } from './rank-shortlist';
import { candidate } from './ranking.test-support';

const shortlist = rankShortlist({
  candidates: [
    candidate('F-1', 'foundation', 91),
    candidate('F-2', 'foundation', 88),
    candidate('F-3', 'foundation', 85),
    candidate('F-4', 'foundation', 84),
    candidate('F-5', 'foundation', 83),
    candidate('T-1', 'technology', 95),
    candidate('T-2', 'technology', 94),
    candidate('T-3', 'technology', 93),
    candidate('T-4', 'technology', 92),
    candidate('X-1', 'technology', 10),
  ],
  quotas: [
    { tier: 'foundation', quota: 3 },
    { tier: 'technology', quota: 2 },
  ],
  minimumScore: 60,
  reservesPerTier: 2,
});

function ids(entries: readonly { dossierId: string }[]): string[] {
  return entries.map((entry) => entry.dossierId);
}

describe('promoteReserve (递补)', () => {
  describe('when a selected dossier is removed', () => {
    const { shortlist: after, promoted } = promoteReserve(shortlist, 'F-2');

    it('moves the first reserve of the same tier up into the freed place', () => {
      expect(ids(after.tiers[0].selected)).toEqual(['F-1', 'F-3', 'F-4']);
      expect(promoted).toEqual({ ...candidate('F-4', 'foundation', 84), rank: 3 });
    });

    it('keeps the remaining reserves in order and renumbers the ranks', () => {
      expect(ids(after.tiers[0].reserves)).toEqual(['F-5']);
      expect([...after.tiers[0].selected, ...after.tiers[0].reserves].map((entry) => entry.rank)).toEqual([1, 2, 3, 4]);
    });

    it('leaves the other tiers and the below-threshold list untouched', () => {
      expect(after.tiers[1]).toBe(shortlist.tiers[1]);
      expect(after.belowThreshold).toEqual(['X-1']);
    });

    it('does not change the shortlist it was given', () => {
      expect(ids(shortlist.tiers[0].selected)).toEqual(['F-1', 'F-2', 'F-3']);
    });
  });

  it('leaves the place empty when the tier has no reserve left, never taking one from another tier', () => {
    const once = promoteReserve(shortlist, 'F-1').shortlist;
    const twice = promoteReserve(once, 'F-2').shortlist;
    const { shortlist: thrice, promoted } = promoteReserve(twice, 'F-3');
    expect(promoted).toBeNull();
    expect(ids(thrice.tiers[0].selected)).toEqual(['F-4', 'F-5']);
    expect(thrice.tiers[0].reserves).toEqual([]);
    expect(ids(thrice.tiers[1].selected)).toEqual(['T-1', 'T-2']);
  });

  it('removes a reserve without promoting anyone', () => {
    const { shortlist: after, promoted } = promoteReserve(shortlist, 'T-3');
    expect(promoted).toBeNull();
    expect(ids(after.tiers[1].selected)).toEqual(['T-1', 'T-2']);
    expect(after.tiers[1].reserves).toEqual([{ ...candidate('T-4', 'technology', 92), rank: 3 }]);
  });

  it('refuses a dossier that is below the threshold', () => {
    expect(() => promoteReserve(shortlist, 'X-1')).toThrow(
      expect.objectContaining({
        code: 'not-on-shortlist',
        kind: 'not-found',
        message: 'dossier X-1 is not on the shortlist: it scored below the minimum score',
      }),
    );
  });

  it('refuses a dossier that is not on the shortlist at all', () => {
    expect(() => promoteReserve(shortlist, 'Q-9')).toThrow('dossier Q-9 is not on the shortlist: it is neither selected nor a reserve');
  });
});
