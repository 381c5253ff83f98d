import { ConflictDossier, ConflictExpert, findConflict } from '../conflicts';
import { refuse } from '../shared/refusal';
import { seededRandom, shuffled } from './seeded-random';

/**
 * 专家抽取: the experts of one dossier drawn at random from the field pool, conflicts excluded, with
 * everything needed to check the draw afterwards. Bounded: one record per dossier and draw, its
 * candidates the eligible experts of that dossier's field (never the whole pool of every dossier).
 */
export interface DrawRecord {
  readonly dossierId: string;
  readonly seed: string;
  /** The eligible experts in the order the draw starts from (sorted by id), as written in the event. */
  readonly candidates: readonly string[];
  readonly drawn: readonly string[];
  /** 备选专家, in the order they step in when a drawn expert declines or is recused. */
  readonly reserves: readonly string[];
}

export interface DrawInput {
  readonly dossier: ConflictDossier;
  readonly pool: readonly ConflictExpert[];
  readonly seed: string;
  readonly count: number;
  readonly reserves: number;
}

/** The experts a dossier may draw from: active, in its field, without any conflict with it. */
export function drawCandidates(dossier: ConflictDossier, pool: readonly ConflictExpert[]): string[] {
  const fields = new Set(dossier.fields);
  return pool
    .filter((expert) => expert.active && expert.fields.some((field) => fields.has(field)) && findConflict(expert, dossier) === null)
    .map((expert) => expert.expertId)
    .sort();
}

/** Draws `count` experts and then `reserves` reserves from the candidates with the seed. */
export function drawExperts(input: DrawInput): DrawRecord {
  const candidates = drawCandidates(input.dossier, input.pool);
  if (candidates.length < input.count) {
    throw refuse(
      'draw-pool-too-small',
      `only ${candidates.length} eligible experts for dossier ${input.dossier.dossierId}, ${input.count} are to be drawn`,
      'conflict',
      { candidates: candidates.length, count: input.count },
    );
  }
  return drawFrom(input.dossier.dossierId, candidates, input.seed, input.count, input.reserves);
}

/** The draw over candidates already found (sorted by id): its record. */
export function drawFrom(dossierId: string, candidates: readonly string[], seed: string, count: number, reserves: number): DrawRecord {
  return { dossierId, seed, candidates: [...candidates], ...pick(candidates, seed, count, reserves) };
}

/**
 * Anyone re-runs a recorded draw from its seed and candidates alone: the same experts and reserves
 * come out, or the record was not made by this draw.
 */
export function replayDraw(record: Pick<DrawRecord, 'seed' | 'candidates' | 'drawn' | 'reserves'>): { drawn: string[]; reserves: string[]; matches: boolean } {
  const again = pick(record.candidates, record.seed, record.drawn.length, record.reserves.length);
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);
  return { ...again, matches: same(again.drawn, record.drawn) && same(again.reserves, record.reserves) };
}

function pick(candidates: readonly string[], seed: string, count: number, reserves: number): { drawn: string[]; reserves: string[] } {
  const order = shuffled(candidates, seededRandom(`draw/${seed}`));
  return { drawn: order.slice(0, count), reserves: order.slice(count, count + reserves) };
}
