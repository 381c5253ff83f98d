// Order statistics on whole hundredths. Each takes a non-empty list sorted ascending and returns a
// whole number of hundredths, halves rounded up.

export function meanOf(sorted: readonly number[]): number {
  return Math.round(sorted.reduce((sum, value) => sum + value, 0) / sorted.length);
}

export function medianOf(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}

/** The smallest number of scores for which the highest and the lowest are dropped. */
export const TRIM_FROM_COUNT = 5;

/** Drops one highest and one lowest score when there are at least 5; otherwise the plain mean. */
export function trimmedMeanOf(sorted: readonly number[]): number {
  return sorted.length >= TRIM_FROM_COUNT ? meanOf(sorted.slice(1, -1)) : meanOf(sorted);
}
