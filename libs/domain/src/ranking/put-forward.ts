import type { StageAdvancement } from '../programmes/review-stages';
import { compareCandidates, RankingCandidate } from './ranking-order';

export interface PutForward {
  /** In ranking order within each tier, tiers in order of first appearance in the ranking. */
  readonly forwarded: readonly RankingCandidate[];
  readonly notForwardedCount: number;
}

/**
 * Who goes on to the next review stage: the best `perTier` of each tier, or everyone at or above the
 * threshold. Dossiers whose aggregate equals the last one put forward in their tier go too (ties at
 * the cut are taken together: the later tie-breaks are for the final list, not for who is heard).
 */
export function putForward(candidates: readonly RankingCandidate[], advance: StageAdvancement): PutForward {
  const ordered = [...candidates].sort(compareCandidates);
  const forwarded =
    advance.kind === 'threshold'
      ? ordered.filter((candidate) => candidate.aggregate >= advance.minimum)
      : topPerTier(ordered, advance.perTier);
  return { forwarded, notForwardedCount: candidates.length - forwarded.length };
}

function topPerTier(ordered: readonly RankingCandidate[], perTier: number): RankingCandidate[] {
  const taken = new Map<string, RankingCandidate[]>();
  return ordered.filter((candidate) => {
    const tier = taken.get(candidate.tier) ?? [];
    taken.set(candidate.tier, tier);
    const cut = tier.length >= perTier ? tier[perTier - 1].aggregate : null;
    if (cut !== null && candidate.aggregate !== cut) return false;
    tier.push(candidate);
    return true;
  });
}
