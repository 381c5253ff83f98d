import { AssignmentBoard, hasRoom, isFieldMatch, leastLoaded, loadOf, mayJoin, replace } from './assignment-board';

/**
 * After the load-balanced pass, trades planned assignments so that more experts review dossiers in
 * their own field, without giving up balance or caps:
 * - a swap exchanges the experts of two planned assignments (loads unchanged);
 * - a move hands an assignment to an expert with a strictly lower load (the spread never grows).
 * Every accepted change adds at least one field match, so this ends after at most one change per
 * planned assignment. `tieOrder` ranks experts for equal choices (from the seed).
 */
export function improveFieldMatches(board: AssignmentBoard, tieOrder: ReadonlyMap<string, number>): void {
  const byTieOrder = (a: string, b: string) => (tieOrder.get(a) ?? 0) - (tieOrder.get(b) ?? 0);
  const expertIds = board.experts.map((expert) => expert.expertId).sort(byTieOrder);

  let changed = true;
  while (changed) {
    changed = false;
    for (let index = 0; index < board.planned.length; index += 1) {
      const [dossierId, expertId] = board.planned[index];
      if (isFieldMatch(board, dossierId, expertId)) continue;
      if (moveToMatchingExpert(board, index, expertIds) || swapWithMatchingExpert(board, index)) changed = true;
    }
  }
}

function moveToMatchingExpert(board: AssignmentBoard, index: number, expertIds: readonly string[]): boolean {
  const [dossierId, expertId] = board.planned[index];
  const candidates = expertIds.filter(
    (other) =>
      isFieldMatch(board, dossierId, other) &&
      mayJoin(board, dossierId, other) &&
      hasRoom(board, other) &&
      loadOf(board, other) < loadOf(board, expertId),
  );
  if (candidates.length === 0) return false;
  // The least loaded first; equal loads keep the seeded order.
  replace(board, index, leastLoaded(board, candidates)!);
  return true;
}

function swapWithMatchingExpert(board: AssignmentBoard, index: number): boolean {
  const [dossierId, expertId] = board.planned[index];
  for (let other = 0; other < board.planned.length; other += 1) {
    const [otherDossierId, otherExpertId] = board.planned[other];
    if (otherDossierId === dossierId) continue;
    if (!isFieldMatch(board, dossierId, otherExpertId)) continue;
    // The other dossier must not lose a match without getting one back.
    if (isFieldMatch(board, otherDossierId, otherExpertId) && !isFieldMatch(board, otherDossierId, expertId)) continue;
    if (!mayJoin(board, dossierId, otherExpertId) || !mayJoin(board, otherDossierId, expertId)) continue;
    replace(board, index, otherExpertId);
    replace(board, other, expertId);
    return true;
  }
  return false;
}
