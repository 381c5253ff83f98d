import { instantToEpochMs } from '../calendar/shanghai-time';
import { DomainRefusal, refuse } from '../shared/refusal';
import { RankingCandidate, compareCandidates } from './ranking-order';

export interface TierQuota {
  readonly tier: string;
  readonly quota: number;
}

export interface RankedEntry extends RankingCandidate {
  /** 1-based place within the tier; reserves continue after the last selected place. */
  readonly rank: number;
}

export interface RankedTier {
  readonly tier: string;
  readonly quota: number;
  readonly selected: readonly RankedEntry[];
  /** 候补, in the order they move up (递补). */
  readonly reserves: readonly RankedEntry[];
}

export interface RankedShortlist {
  /** In the order the quotas were given. */
  readonly tiers: readonly RankedTier[];
  /** Dossiers whose aggregate is under the minimum score, best first; never selected nor reserves. */
  readonly belowThreshold: readonly string[];
}

export interface RankShortlistInput {
  readonly candidates: readonly RankingCandidate[];
  readonly quotas: readonly TierQuota[];
  /** The lowest aggregate that may be selected or held in reserve (inclusive). */
  readonly minimumScore: number;
  readonly reservesPerTier: number;
}

/**
 * The shortlist per tier: the best `quota` dossiers at or above the minimum score, then up to
 * `reservesPerTier` reserves. A tier with too few eligible dossiers keeps its places empty rather
 * than take a dossier below the threshold. The result does not depend on the input order.
 * Refuses `invalid-ranking` (kind invalid) for a dossier in a tier without a quota, a dossier given
 * twice, or quotas / numbers that are not whole and non-negative.
 */
export function rankShortlist(input: RankShortlistInput): RankedShortlist {
  assertValid(input);
  const ordered = [...input.candidates].sort(compareCandidates);
  const eligible = ordered.filter((candidate) => candidate.aggregate >= input.minimumScore);

  const tiers = input.quotas.map(({ tier, quota }): RankedTier => {
    const inTier = eligible
      .filter((candidate) => candidate.tier === tier)
      .slice(0, quota + input.reservesPerTier)
      .map((candidate, index): RankedEntry => ({ ...pick(candidate), rank: index + 1 }));
    return { tier, quota, selected: inTier.slice(0, quota), reserves: inTier.slice(quota) };
  });

  return {
    tiers,
    belowThreshold: ordered.filter((candidate) => candidate.aggregate < input.minimumScore).map((c) => c.dossierId),
  };
}

/** Only the ranking fields, so that extra properties of a caller's objects do not leak into events. */
function pick(candidate: RankingCandidate): RankingCandidate {
  const { dossierId, tier, aggregate, median, minimum, submittedAt } = candidate;
  return { dossierId, tier, aggregate, median, minimum, submittedAt };
}

function assertValid(input: RankShortlistInput): void {
  const problems: string[] = [];
  const tiers = new Set<string>();
  for (const { tier, quota } of input.quotas) {
    if (tiers.has(tier)) problems.push(`tier ${tier} has more than one quota`);
    tiers.add(tier);
    if (!isCount(quota)) problems.push(`quota of tier ${tier} must be a whole number ≥ 0, got ${quota}`);
  }
  if (!isCount(input.reservesPerTier)) {
    problems.push(`reservesPerTier must be a whole number ≥ 0, got ${input.reservesPerTier}`);
  }
  if (!Number.isFinite(input.minimumScore)) problems.push(`minimumScore must be a number, got ${input.minimumScore}`);

  const seen = new Set<string>();
  for (const candidate of input.candidates) {
    const label = `dossier ${candidate.dossierId}`;
    if (seen.has(candidate.dossierId)) problems.push(`${label} is given more than once`);
    seen.add(candidate.dossierId);
    if (!tiers.has(candidate.tier)) problems.push(`${label} is in tier ${candidate.tier}, which has no quota`);
    for (const field of ['aggregate', 'median', 'minimum'] as const) {
      if (!Number.isFinite(candidate[field])) problems.push(`${label} has no ${field} score (${candidate[field]})`);
    }
    try {
      instantToEpochMs(candidate.submittedAt, `submittedAt of ${label}`);
    } catch (error) {
      problems.push((error as DomainRefusal).message);
    }
  }
  if (problems.length > 0) {
    throw refuse('invalid-ranking', `the shortlist cannot be ranked: ${problems.join('; ')}`, 'invalid', { problems });
  }
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
