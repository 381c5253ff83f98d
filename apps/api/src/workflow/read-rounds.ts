/**
 * How many dossier streams a set-based command (plan, close review, decide awards) reads and folds at
 * once: only one round's events are alive at a time, so the heap holds small folds, not every dossier's
 * whole history. 500, not 100: rounds of 100 collected less garbage in a synthetic read but showed no
 * gain in the app at N = 6,400, for five times the round trips (BENCHMARKS.md, issue 15 stop 13).
 */
export const DOSSIERS_PER_READ = 500;

/** The ids in consecutive rounds of `size`, in their order. */
export function* readRounds<T>(ids: readonly T[], size: number = DOSSIERS_PER_READ): Generator<T[]> {
  for (let start = 0; start < ids.length; start += size) yield ids.slice(start, start + size);
}
