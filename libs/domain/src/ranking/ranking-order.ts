import { instantToEpochMs } from '../calendar/shanghai-time';

/** What ranking needs to know of a dossier: its scores and when it was submitted. */
export interface RankingCandidate {
  readonly dossierId: string;
  /** The tier or category the dossier competes in (e.g. 基础层, 应用型); quotas are per tier. */
  readonly tier: string;
  readonly aggregate: number;
  readonly median: number;
  readonly minimum: number;
  /** ISO instant of submission. */
  readonly submittedAt: string;
}

/**
 * The published order: aggregate, then median, then lowest total (higher first: the dossier no
 * expert marked down), then earlier submission, then dossier id — so no two dossiers ever tie.
 */
export function compareCandidates(a: RankingCandidate, b: RankingCandidate): number {
  return (
    b.aggregate - a.aggregate ||
    b.median - a.median ||
    b.minimum - a.minimum ||
    instantToEpochMs(a.submittedAt) - instantToEpochMs(b.submittedAt) ||
    compareText(a.dossierId, b.dossierId)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
