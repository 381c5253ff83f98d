import { refuse } from '../shared/refusal';
import { RankedEntry, RankedShortlist, RankedTier } from './rank-shortlist';

export interface PromotionResult {
  readonly shortlist: RankedShortlist;
  /** The reserve that took the freed place, with its new rank; null when none did. */
  readonly promoted: RankedEntry | null;
}

/**
 * 递补: takes a dossier off the shortlist (e.g. an upheld objection). When it held a place, the first
 * reserve of the same tier moves up; other tiers never fill it. Ranks in the tier are renumbered.
 * Refuses `not-on-shortlist` (kind not-found) when the dossier is neither selected nor a reserve.
 */
export function promoteReserve(shortlist: RankedShortlist, removedDossierId: string): PromotionResult {
  const tierIndex = shortlist.tiers.findIndex((tier) =>
    [...tier.selected, ...tier.reserves].some((entry) => entry.dossierId === removedDossierId),
  );
  if (tierIndex < 0) {
    const why = shortlist.belowThreshold.includes(removedDossierId)
      ? 'it scored below the minimum score'
      : 'it is neither selected nor a reserve';
    throw refuse('not-on-shortlist', `dossier ${removedDossierId} is not on the shortlist: ${why}`, 'not-found');
  }

  const tier = shortlist.tiers[tierIndex];
  const wasSelected = tier.selected.some((entry) => entry.dossierId === removedDossierId);
  const remaining = [...tier.selected, ...tier.reserves]
    .filter((entry) => entry.dossierId !== removedDossierId)
    .map((entry, index): RankedEntry => ({ ...entry, rank: index + 1 }));
  // The tier keeps as many places as before while a reserve is left to fill the freed one.
  const selectedCount = Math.min(tier.selected.length, remaining.length);
  const updated: RankedTier = {
    ...tier,
    selected: remaining.slice(0, selectedCount),
    reserves: remaining.slice(selectedCount),
  };
  const promoted =
    wasSelected && tier.reserves.length > 0 ? updated.selected[updated.selected.length - 1] : null;

  return {
    shortlist: { ...shortlist, tiers: shortlist.tiers.map((t, i) => (i === tierIndex ? updated : t)) },
    promoted,
  };
}
