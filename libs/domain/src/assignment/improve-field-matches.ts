import { AssignmentBoard, fieldMatchesOf, hasRoom, isFieldMatch, loadOf, mayJoin, replace } from './assignment-board';

/**
 * After the load-balanced pass, trades planned assignments so that more experts review dossiers in
 * their own field, without giving up balance or caps:
 * - a swap exchanges the experts of two planned assignments (loads unchanged);
 * - a move hands an assignment to an expert with a strictly lower load (the spread never grows).
 * Every accepted change adds at least one field match, so this ends after at most one change per
 * planned assignment. `tieOrder` ranks experts for equal choices (from the seed).
 */
export function improveFieldMatches(board: AssignmentBoard, tieOrder: ReadonlyMap<string, number>): void {
  const rankOf = (id: string) => tieOrder.get(id) ?? 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (let index = 0; index < board.planned.length; index += 1) {
      const [dossierId, expertId] = board.planned[index];
      if (isFieldMatch(board, dossierId, expertId)) continue;
      if (moveToMatchingExpert(board, index, rankOf) || swapWithMatchingExpert(board, index)) changed = true;
    }
  }
}

/**
 * Only the dossier's field-matching experts can take it: the least loaded of them below the current
 * expert's load, equal loads in the seeded order (what a stable sort of the whole pool would pick).
 */
function moveToMatchingExpert(board: AssignmentBoard, index: number, rankOf: (id: string) => number): boolean {
  const [dossierId, expertId] = board.planned[index];
  const ceiling = loadOf(board, expertId);
  let best: string | undefined;
  for (const other of fieldMatchesOf(board, dossierId)) {
    if (!mayJoin(board, dossierId, other) || !hasRoom(board, other)) continue;
    const load = loadOf(board, other);
    if (load >= ceiling) continue;
    if (best === undefined || load < loadOf(board, best) || (load === loadOf(board, best) && rankOf(other) < rankOf(best))) best = other;
  }
  if (best === undefined) return false;
  replace(board, index, best);
  return true;
}

/**
 * The first planned assignment (in plan order) of a field-matching expert that can trade places:
 * looked up through the experts' planned indexes, not by scanning the whole plan.
 */
function swapWithMatchingExpert(board: AssignmentBoard, index: number): boolean {
  const [dossierId, expertId] = board.planned[index];
  let first = Infinity;
  for (const otherExpertId of fieldMatchesOf(board, dossierId)) {
    const indexes = board.plannedOf.get(otherExpertId);
    if (!indexes || indexes.size === 0) continue;
    // Checked once per expert: whether he may join this dossier and this expert may take his place.
    if (!mayJoin(board, dossierId, otherExpertId)) continue;
    for (const other of indexes) {
      if (other >= first) continue;
      const [otherDossierId] = board.planned[other];
      if (otherDossierId === dossierId) continue;
      // The other dossier must not lose a match without getting one back.
      if (isFieldMatch(board, otherDossierId, otherExpertId) && !isFieldMatch(board, otherDossierId, expertId)) continue;
      if (!mayJoin(board, otherDossierId, expertId)) continue;
      first = other;
    }
  }
  if (first === Infinity) return false;
  const [, otherExpertId] = board.planned[first];
  replace(board, index, otherExpertId);
  replace(board, first, expertId);
  return true;
}
