import { RankingCandidate } from './ranking-order';

/** A candidate with median and minimum equal to its aggregate unless given, submitted on 2026-03-01. */
export function candidate(dossierId: string, tier: string, aggregate: number, overrides: Partial<RankingCandidate> = {}): RankingCandidate {
  return { dossierId, tier, aggregate, median: aggregate, minimum: aggregate, submittedAt: '2026-03-01T02:00:00Z', ...overrides };
}
