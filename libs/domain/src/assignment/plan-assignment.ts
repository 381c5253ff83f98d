import { ConflictDossier, ConflictExpert } from '../conflicts/conflict-of-interest';
import { refuse } from '../shared/refusal';
import {
  AssignmentBoard,
  assign,
  createBoard,
  hasRoom,
  isFieldMatch,
  leastLoaded,
  mayJoin,
  missingOn,
  plannedIndexesOf,
  replace,
} from './assignment-board';
import { improveFieldMatches } from './improve-field-matches';
import { seededDraws } from './open-experts';
import { seededRandom, shuffled } from './seeded-random';
import { unfilledReason } from './unfilled-reason';

export interface ExistingAssignment {
  readonly dossierId: string;
  readonly expertId: string;
}

export interface PlanAssignmentInput {
  readonly dossiers: readonly ConflictDossier[];
  /** The whole pool; inactive experts are never assigned. */
  readonly experts: readonly ConflictExpert[];
  readonly expertsPerDossier: number;
  /** The most dossiers one expert reviews in the selection, counting existing assignments. */
  readonly maxPerExpert: number;
  /** Tie-breaks are drawn from this seed (e.g. the selection id and round), so a plan can be replayed. */
  readonly seed: string;
  /**
   * Assignments already made (any dossier of the selection): they count towards loads and towards
   * the dossiers' experts, and are never moved or repeated.
   */
  readonly existing?: readonly ExistingAssignment[];
}

export interface PlannedAssignment {
  readonly dossierId: string;
  readonly expertId: string;
  /** The expert shares a field with the dossier. */
  readonly fieldMatch: boolean;
}

export interface UnfilledDossier {
  readonly dossierId: string;
  readonly missing: number;
  readonly reason: string;
}

export interface AssignmentPlan {
  /** New assignments only, ordered by dossier and expert id. */
  readonly assignments: readonly PlannedAssignment[];
  /** Dossiers that could not get all their experts, with the reason, ordered by dossier id. */
  readonly unfilled: readonly UnfilledDossier[];
  /** Existing plus new assignments of every expert in the pool or in `existing`. */
  readonly loads: Record<string, number>;
}

/**
 * Assigns experts to dossiers (专家分配).
 *
 * Hard rules: no expert with a conflict (回避), no inactive expert, no expert twice on a dossier,
 * no expert above maxPerExpert. Within those, loads are balanced: each dossier takes the eligible
 * experts with the lowest loads, which keeps max − min load ≤ 1 whenever conflicts do not force
 * otherwise; among equal loads, experts of the dossier's field come first, then a seeded draw.
 * Dossiers with the fewest eligible experts are served first. A second pass frees capacity for
 * short dossiers by handing another dossier's assignment to an expert with room, and a last pass
 * trades assignments to raise field matches without unbalancing loads.
 *
 * The plan depends only on the inputs and the seed, not on the order of the lists.
 * Refuses `invalid-assignment-request` (kind invalid) for bad numbers or repeated ids.
 */
export function planAssignment(input: PlanAssignmentInput): AssignmentPlan {
  assertValid(input);
  const dossiers = [...input.dossiers].sort((a, b) => compareText(a.dossierId, b.dossierId));
  const experts = [...input.experts].sort((a, b) => compareText(a.expertId, b.expertId));
  const existing = [...(input.existing ?? [])].sort(
    (a, b) => compareText(a.dossierId, b.dossierId) || compareText(a.expertId, b.expertId),
  );
  const board = createBoard(dossiers, experts, input.expertsPerDossier, input.maxPerExpert, existing);
  const random = seededRandom(input.seed);
  const tieOrder = new Map(shuffled(experts.map((expert) => expert.expertId), random).map((id, rank) => [id, rank]));

  const order = servingOrder(board);
  const expertIds = experts.map((expert) => expert.expertId);
  for (const dossier of order) fillBalanced(board, dossier.dossierId, random);
  // The pool in the seeded order, once: only short dossiers look for a capacity swap.
  const spare = expertIds.slice().sort((a, b) => (tieOrder.get(a) ?? 0) - (tieOrder.get(b) ?? 0));
  for (const dossier of order) freeCapacityFor(board, dossier.dossierId, spare);
  improveFieldMatches(board, tieOrder);

  return {
    assignments: board.planned
      .map(([dossierId, expertId]) => ({ dossierId, expertId, fieldMatch: isFieldMatch(board, dossierId, expertId) }))
      .sort((a, b) => compareText(a.dossierId, b.dossierId) || compareText(a.expertId, b.expertId)),
    unfilled: dossiers
      .filter((dossier) => missingOn(board, dossier.dossierId) > 0)
      .map((dossier) => ({
        dossierId: dossier.dossierId,
        missing: missingOn(board, dossier.dossierId),
        reason: unfilledReason(board, dossier.dossierId),
      })),
    loads: Object.fromEntries([...board.loads].sort(([a], [b]) => compareText(a, b))),
  };
}

/** Fewest spare eligible experts first, so the hardest dossiers are not left with nobody. */
function servingOrder(board: AssignmentBoard): ConflictDossier[] {
  // Counted once per dossier, not inside the comparator: the active experts less those with a
  // conflict or already on the dossier (both few), never by looking at the whole pool.
  const slack = new Map<string, number>();
  for (const { dossierId } of board.dossiers) {
    const barred = new Set([...(board.conflicted.get(dossierId) ?? []), ...(board.members.get(dossierId) ?? [])]);
    let joinable = board.active.size;
    for (const id of barred) if (board.active.has(id)) joinable -= 1;
    slack.set(dossierId, joinable - missingOn(board, dossierId));
  }
  return [...board.dossiers].sort(
    (a, b) => slack.get(a.dossierId)! - slack.get(b.dossierId)! || compareText(a.dossierId, b.dossierId),
  );
}

/**
 * Takes the missing number of experts with the lowest loads; among equal loads those of the dossier's
 * field first, then a seeded draw. Looks only at the open experts of the lowest loads (OpenExperts),
 * and draws from them lazily, so a dossier costs about as many draws as it has places.
 */
function fillBalanced(board: AssignmentBoard, dossierId: string, random: () => number): void {
  const missing = missingOn(board, dossierId);
  if (missing === 0) return;
  const fields = board.dossierFields.get(dossierId) ?? [];
  const chosen = new Set<string>();
  const take = (ids: readonly string[], accept: (id: string) => boolean) => {
    if (chosen.size === missing || ids.length === 0) return;
    for (const id of seededDraws(ids, random)) {
      if (chosen.has(id) || !mayJoin(board, dossierId, id) || !accept(id)) continue;
      chosen.add(id);
      if (chosen.size === missing) return;
    }
  };
  const firstFieldOf = (id: string) => fields.findIndex((field) => board.expertFields.get(id)?.includes(field));
  for (const load of board.open.loads()) {
    // An expert of two of the dossier's fields is drawn from the first of them only, so he is not twice as likely.
    fields.forEach((field, at) => take(board.open.atLoadInField(load, field), (id) => firstFieldOf(id) === at));
    take(board.open.atLoad(load), (id) => !isFieldMatch(board, dossierId, id));
    if (chosen.size === missing) break;
  }
  for (const id of chosen) assign(board, dossierId, id);
}

/**
 * When every eligible expert of a short dossier is at the cap, hands one of their planned
 * assignments elsewhere to an expert with room, freeing them for the short dossier.
 */
function freeCapacityFor(board: AssignmentBoard, dossierId: string, spare: readonly string[]): void {
  while (missingOn(board, dossierId) > 0) {
    const swap = findCapacitySwap(board, dossierId, spare);
    if (!swap) return;
    replace(board, swap.index, swap.substitute);
    assign(board, dossierId, swap.freed);
  }
}

function findCapacitySwap(
  board: AssignmentBoard,
  dossierId: string,
  expertIds: readonly string[],
): { index: number; substitute: string; freed: string } | null {
  for (const freed of expertIds) {
    if (!mayJoin(board, dossierId, freed) || hasRoom(board, freed)) continue;
    for (const index of plannedIndexesOf(board, freed)) {
      const [otherDossierId] = board.planned[index];
      if (otherDossierId === dossierId) continue;
      const substitute = leastLoaded(
        board,
        expertIds.filter((id) => id !== freed && mayJoin(board, otherDossierId, id) && hasRoom(board, id)),
      );
      if (substitute !== undefined) return { index, substitute, freed };
    }
  }
  return null;
}

function assertValid(input: PlanAssignmentInput): void {
  const problems: string[] = [];
  if (!Number.isSafeInteger(input.expertsPerDossier) || input.expertsPerDossier < 1) {
    problems.push(`expertsPerDossier must be a whole number ≥ 1, got ${input.expertsPerDossier}`);
  }
  if (!Number.isSafeInteger(input.maxPerExpert) || input.maxPerExpert < 1) {
    problems.push(`maxPerExpert must be a whole number ≥ 1, got ${input.maxPerExpert}`);
  }
  if (typeof input.seed !== 'string') problems.push('seed must be a text');
  problems.push(...repeated(input.dossiers.map((d) => d.dossierId), 'dossier'));
  problems.push(...repeated(input.experts.map((e) => e.expertId), 'expert'));
  if (problems.length > 0) {
    throw refuse('invalid-assignment-request', `experts cannot be assigned: ${problems.join('; ')}`, 'invalid', {
      problems,
    });
  }
}

function repeated(ids: readonly string[], what: string): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice].map((id) => `${what} ${id} is given more than once`);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
