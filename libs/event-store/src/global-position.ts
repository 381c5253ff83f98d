/**
 * A place in the store's global order. Two parts, as KurrentDB has them: events are ordered by
 * `commit`, then `prepare`. The PostgreSQL adapter uses the writing transaction's id as `commit`
 * and the row's sequence number as `prepare` (see README, "Global order and the gap problem").
 */
export interface GlobalPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export function comparePositions(a: GlobalPosition, b: GlobalPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function isAfter(a: GlobalPosition, b: GlobalPosition | null): boolean {
  return b === null || comparePositions(a, b) > 0;
}

/** `"1234/56"`: the form used in checkpoints, HTTP headers and logs. */
export function formatPosition(position: GlobalPosition): string {
  return `${position.commit}/${position.prepare}`;
}

export function parsePosition(text: string): GlobalPosition {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not a global position; expected "<commit>/<prepare>", e.g. "1234/56"`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}
