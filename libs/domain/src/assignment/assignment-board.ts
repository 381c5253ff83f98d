import { ConflictDossier, ConflictExpert, normaliseField, poolConflictIndex } from '../conflicts/conflict-of-interest';
import { OpenExperts } from './open-experts';

/**
 * The working state of one planning run: who may review what, who already does, and the loads.
 * It is built from copies and changed only inside planAssignment; callers' inputs are never touched.
 * Nothing here is per (dossier, expert) pair: eligibility is the pool's active experts minus each
 * dossier's few conflicts, and field matches come from one list per field.
 */
export interface AssignmentBoard {
  readonly dossiers: readonly ConflictDossier[];
  readonly experts: readonly ConflictExpert[];
  readonly expertsPerDossier: number;
  readonly maxPerExpert: number;
  /** The pool's active experts: the only ones ever assigned. */
  readonly active: ReadonlySet<string>;
  /** Per dossier, the experts of the pool with a conflict on it (回避). */
  readonly conflicted: ReadonlyMap<string, ReadonlySet<string>>;
  /** Normalised fields of each expert of the pool and of each dossier. */
  readonly expertFields: ReadonlyMap<string, readonly string[]>;
  readonly dossierFields: ReadonlyMap<string, readonly string[]>;
  /** The pool's experts of each normalised field, in pool order. */
  readonly fieldPool: ReadonlyMap<string, readonly string[]>;
  /** Everyone on each dossier, existing and planned. */
  readonly members: Map<string, Set<string>>;
  /** Existing plus planned assignments per expert. */
  readonly loads: Map<string, number>;
  /** Active experts with room, by load (kept by assign and replace). */
  readonly open: OpenExperts;
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
  const conflictedWith = poolConflictIndex(experts);
  const conflicted = new Map(dossiers.map((dossier) => [dossier.dossierId, conflictedWith(dossier)]));
  const active = new Set(experts.filter((expert) => expert.active).map((expert) => expert.expertId));
  const expertFields = new Map(experts.map((expert) => [expert.expertId, [...new Set(expert.fields.map(normaliseField))]]));
  const dossierFields = new Map(dossiers.map((dossier) => [dossier.dossierId, [...new Set(dossier.fields.map(normaliseField))]]));
  const fieldPool = new Map<string, string[]>();
  for (const expert of experts) {
    for (const field of expertFields.get(expert.expertId) ?? []) {
      const ids = fieldPool.get(field);
      if (ids) ids.push(expert.expertId);
      else fieldPool.set(field, [expert.expertId]);
    }
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
  const open = new OpenExperts((expertId) => expertFields.get(expertId) ?? [], maxPerExpert);
  for (const expertId of active) open.move(expertId, null, loads.get(expertId) ?? 0);
  return {
    dossiers, experts, expertsPerDossier, maxPerExpert, active, conflicted, expertFields, dossierFields, fieldPool,
    members, loads, open, planned: [], plannedOf: new Map(),
  };
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

/** The expert shares a field with the dossier (whether or not he may review it). */
export function isFieldMatch(board: AssignmentBoard, dossierId: string, expertId: string): boolean {
  const fields = board.dossierFields.get(dossierId) ?? [];
  return (board.expertFields.get(expertId) ?? []).some((field) => fields.includes(field));
}

/** Active, in the pool and without a conflict on the dossier. */
export function isEligible(board: AssignmentBoard, dossierId: string, expertId: string): boolean {
  return board.active.has(expertId) && !(board.conflicted.get(dossierId)?.has(expertId) ?? true);
}

/** Eligible for the dossier and not already on it. */
export function mayJoin(board: AssignmentBoard, dossierId: string, expertId: string): boolean {
  return isEligible(board, dossierId, expertId) && !(board.members.get(dossierId)?.has(expertId) ?? true);
}

/** The eligible experts sharing a field with the dossier, each once (in pool order, field by field). */
export function fieldMatchesOf(board: AssignmentBoard, dossierId: string): string[] {
  const fields = board.dossierFields.get(dossierId) ?? [];
  const ids = fields.length === 1 ? (board.fieldPool.get(fields[0]) ?? []) : [...new Set(fields.flatMap((field) => board.fieldPool.get(field) ?? []))];
  return ids.filter((expertId) => isEligible(board, dossierId, expertId));
}

export function missingOn(board: AssignmentBoard, dossierId: string): number {
  return Math.max(0, board.expertsPerDossier - (board.members.get(dossierId)?.size ?? 0));
}

export function assign(board: AssignmentBoard, dossierId: string, expertId: string): void {
  board.members.get(dossierId)?.add(expertId);
  setLoad(board, expertId, loadOf(board, expertId) + 1);
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
  setLoad(board, previous, loadOf(board, previous) - 1);
  setLoad(board, expertId, loadOf(board, expertId) + 1);
  board.planned[index] = [dossierId, expertId];
  board.plannedOf.get(previous)?.delete(index);
  indexPlanned(board, expertId, index);
}

function setLoad(board: AssignmentBoard, expertId: string, load: number): void {
  if (board.active.has(expertId)) board.open.move(expertId, loadOf(board, expertId), load);
  board.loads.set(expertId, load);
}
