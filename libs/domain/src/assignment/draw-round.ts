import { ConflictDossier, ConflictExpert, findConflict } from '../conflicts';
import { refuse } from '../shared/refusal';
import { DrawRecord, drawCandidates, drawFrom } from './draw-experts';
import type { AssignmentPlan, PlannedAssignment } from './plan-assignment';

export interface DrawRoundInput {
  readonly dossiers: readonly ConflictDossier[];
  readonly experts: readonly ConflictExpert[];
  readonly expertsPerDossier: number;
  readonly maxPerExpert: number;
  /** The round's seed; each dossier draws with drawSeedOf(seed, dossierId), written in its record. */
  readonly seed: string;
  readonly reservesPerDossier: number;
}

export interface DrawRound {
  /** One record per dossier, ordered by dossier id: what its stream keeps. */
  readonly records: readonly DrawRecord[];
  /** The drawn pairs as a plan, so they are assigned like a planned round. */
  readonly plan: AssignmentPlan;
}

/** Each dossier's own seed: the round's seed and its id, so one dossier's draw is replayed alone. */
export const drawSeedOf = (seed: string, dossierId: string): string => `${seed}/${dossierId}`;

/**
 * 专家抽取 for a whole review: dossiers in id order, each drawing from its field's eligible experts
 * who still have room under the most dossiers per expert (an expert at the cap is no candidate of
 * the later dossiers, and his absence is visible in their records). Refused, with every dossier
 * that lacks candidates, when any cannot draw all its experts: the admin then widens the pool or
 * uses the balanced planner.
 */
export function drawRound(input: DrawRoundInput): DrawRound {
  const dossiers = [...input.dossiers].sort((a, b) => compareText(a.dossierId, b.dossierId));
  const loads = new Map<string, number>();
  const records: DrawRecord[] = [];
  const short: { dossierId: string; candidates: number; count: number }[] = [];
  for (const dossier of dossiers) {
    const withRoom = input.experts.filter((expert) => (loads.get(expert.expertId) ?? 0) < input.maxPerExpert);
    const candidates = drawCandidates(dossier, withRoom);
    if (candidates.length < input.expertsPerDossier) {
      short.push({ dossierId: dossier.dossierId, candidates: candidates.length, count: input.expertsPerDossier });
      continue;
    }
    const record = drawFrom(dossier.dossierId, candidates, drawSeedOf(input.seed, dossier.dossierId), input.expertsPerDossier, input.reservesPerDossier);
    for (const expertId of record.drawn) loads.set(expertId, (loads.get(expertId) ?? 0) + 1);
    records.push(record);
  }
  if (short.length > 0) {
    const list = short.map((dossier) => `${dossier.dossierId}(可抽取 ${dossier.candidates} 人,需 ${dossier.count} 人)`).join('、');
    throw refuse('draw-pool-too-small', `these dossiers have too few eligible experts to draw from: ${list}`, 'conflict', { dossiers: short });
  }
  const assignments: PlannedAssignment[] = records.flatMap((record) =>
    [...record.drawn].sort(compareText).map((expertId) => ({ dossierId: record.dossierId, expertId, fieldMatch: true })),
  );
  return {
    records,
    plan: { assignments, unfilled: [], loads: Object.fromEntries([...loads].sort(([a], [b]) => compareText(a, b))) },
  };
}

export interface ReserveInput {
  readonly dossier: ConflictDossier;
  readonly record: Pick<DrawRecord, 'reserves'>;
  /** Every expert the dossier has had (assigned or recused): none of them is called again. */
  readonly onDossier: readonly string[];
  readonly experts: ReadonlyMap<string, ConflictExpert>;
  /** Dossiers per expert now; counts up as reserves are called. */
  readonly loads: Map<string, number>;
  readonly maxPerExpert: number;
  readonly missing: number;
}

/**
 * 备选专家递补: a drawn dossier's freed places go to its reserves in the recorded order, skipping a
 * reserve who is already on the dossier, deactivated, conflicted by now, or at the most dossiers per
 * expert. Returns each called reserve with his place in the record.
 */
export function callReserves(input: ReserveInput): { expertId: string; reserveIndex: number }[] {
  const called: { expertId: string; reserveIndex: number }[] = [];
  const taken = new Set(input.onDossier);
  input.record.reserves.forEach((expertId, reserveIndex) => {
    if (called.length >= input.missing || taken.has(expertId)) return;
    const expert = input.experts.get(expertId);
    const load = input.loads.get(expertId) ?? 0;
    if (!expert || !expert.active || load >= input.maxPerExpert || findConflict(expert, input.dossier) !== null) return;
    called.push({ expertId, reserveIndex });
    input.loads.set(expertId, load + 1);
  });
  return called;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
