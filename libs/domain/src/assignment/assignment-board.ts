import { ConflictDossier, ConflictExpert, poolConflictCheck } from '../conflicts/conflict-of-interest';

/**
 * The working state of one planning run: who may review what, who already does, and the loads.
 * It is built from copies and changed only inside planAssignment; callers' inputs are never touched.
 */
export interface AssignmentBoard {
  readonly dossiers: readonly ConflictDossier[];
  readonly experts: readonly ConflictExpert[];
  readonly expertsPerDossier: number;
  readonly maxPerExpert: number;
  /** Active experts without a conflict, per dossier. */
  readonly eligible: ReadonlyMap<string, ReadonlySet<string>>;
  /** Eligible experts who share a field with the dossier. */
  readonly fieldMatches: ReadonlyMap<string, ReadonlySet<string>>;
  /** Everyone on each dossier, existing and planned. */
  readonly members: Map<string, Set<string>>;
  /** Existing plus planned assignments per expert. */
  readonly loads: Map<string, number>;
  /** Planned assignments as `[dossierId, expertId]`; these, and only these, may still be moved. */
  readonly planned: [string, string][];
  /** The indexes into `planned` of each expert's planned assignments (kept by assign and replace). */
  readonly plannedOf: Map<string, Set<number>>;
}

export function createBoard(
  dossiers: readonly ConflictDossier[],
  experts: readonly ConflictExpert[],
  expertsPerDossier: number,
  maxPerExpert: number,
  existing: readonly { dossierId: string; expertId: string }[],
): AssignmentBoard {
  const eligible = new Map<string, Set<string>>();
  const fieldMatches = new Map<string, Set<string>>();
  // Only active experts are checked, each credit code and field normalised once for the whole pool.
  const check = poolConflictCheck(experts.filter((expert) => expert.active));
  for (const dossier of dossiers) {
    const { clear, sharingField } = check(dossier);
    eligible.set(dossier.dossierId, new Set(clear.map((expert) => expert.expertId)));
    fieldMatches.set(dossier.dossierId, new Set(sharingField.map((expert) => expert.expertId)));
  }

  const members = new Map(dossiers.map((dossier) => [dossier.dossierId, new Set<string>()]));
  const loads = new Map(experts.map((expert) => [expert.expertId, 0]));
  const seen = new Set<string>();
  for (const { dossierId, expertId } of existing) {
    const key = JSON.stringify([dossierId, expertId]);
    if (seen.has(key)) continue;
    seen.add(key);
    members.get(dossierId)?.add(expertId);
    loads.set(expertId, (loads.get(expertId) ?? 0) + 1);
  }
  return { dossiers, experts, expertsPerDossier, maxPerExpert, eligible, fieldMatches, members, loads, planned: [], plannedOf: new Map() };
}

export function loadOf(board: AssignmentBoard, expertId: string): number {
  return board.loads.get(expertId) ?? 0;
}

/** The first of the lowest load: what a stable sort by load would put first. */
export function leastLoaded(board: AssignmentBoard, expertIds: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestLoad = Infinity;
  for (const id of expertIds) {
    const load = loadOf(board, id);
    if (load < bestLoad) {
      best = id;
      bestLoad = load;
    }
  }
  return best;
}

export function hasRoom(board: AssignmentBoard, expertId: string): boolean {
  return loadOf(board, expertId) < board.maxPerExpert;
}

export function isFieldMatch(board: AssignmentBoard, dossierId: string, expertId: string): boolean {
  return board.fieldMatches.get(dossierId)?.has(expertId) ?? false;
}

/** Eligible for the dossier and not already on it. */
export function mayJoin(board: AssignmentBoard, dossierId: string, expertId: string): boolean {
  return (board.eligible.get(dossierId)?.has(expertId) ?? false) && !(board.members.get(dossierId)?.has(expertId) ?? true);
}

export function missingOn(board: AssignmentBoard, dossierId: string): number {
  return Math.max(0, board.expertsPerDossier - (board.members.get(dossierId)?.size ?? 0));
}

export function assign(board: AssignmentBoard, dossierId: string, expertId: string): void {
  board.members.get(dossierId)?.add(expertId);
  board.loads.set(expertId, loadOf(board, expertId) + 1);
  board.planned.push([dossierId, expertId]);
  indexPlanned(board, expertId, board.planned.length - 1);
}

/** The indexes of the expert's planned assignments, in plan order. */
export function plannedIndexesOf(board: AssignmentBoard, expertId: string): number[] {
  return [...(board.plannedOf.get(expertId) ?? [])].sort((a, b) => a - b);
}

function indexPlanned(board: AssignmentBoard, expertId: string, index: number): void {
  const indexes = board.plannedOf.get(expertId);
  if (indexes) indexes.add(index);
  else board.plannedOf.set(expertId, new Set([index]));
}

/** Replaces the expert of planned assignment `index` by another one. */
export function replace(board: AssignmentBoard, index: number, expertId: string): void {
  const [dossierId, previous] = board.planned[index];
  board.members.get(dossierId)?.delete(previous);
  board.members.get(dossierId)?.add(expertId);
  board.loads.set(previous, loadOf(board, previous) - 1);
  board.loads.set(expertId, loadOf(board, expertId) + 1);
  board.planned[index] = [dossierId, expertId];
  board.plannedOf.get(previous)?.delete(index);
  indexPlanned(board, expertId, index);
}
