/**
 * The active experts who still have room, grouped by load and by (load, field): the candidates the
 * load-balanced pass draws from. A dossier then looks at the few experts of the lowest loads instead
 * of the whole pool, so planning N dossiers costs about N × experts-per-dossier draws, not N × pool.
 */
export class OpenExperts {
  private readonly byLoad = new Map<number, IndexedIds>();
  private readonly byLoadAndField = new Map<string, IndexedIds>();

  constructor(
    private readonly fieldsOf: (expertId: string) => readonly string[],
    private readonly maxPerExpert: number,
  ) {}

  /** Moves the expert to the buckets of his new load (out of all of them at the cap). */
  move(expertId: string, from: number | null, to: number): void {
    if (from !== null && from < this.maxPerExpert) {
      this.byLoad.get(from)?.delete(expertId);
      if (this.byLoad.get(from)?.size === 0) this.byLoad.delete(from);
      for (const field of this.fieldsOf(expertId)) this.byLoadAndField.get(key(from, field))?.delete(expertId);
    }
    if (to < this.maxPerExpert) {
      bucket(this.byLoad, to).add(expertId);
      for (const field of this.fieldsOf(expertId)) bucket(this.byLoadAndField, key(to, field)).add(expertId);
    }
  }

  /** The loads some open expert has, lowest first. */
  loads(): number[] {
    return [...this.byLoad.keys()].sort((a, b) => a - b);
  }

  /** The open experts of this load (in no meaningful order: draw from them, never rely on it). */
  atLoad(load: number): readonly string[] {
    return this.byLoad.get(load)?.ids ?? [];
  }

  atLoadInField(load: number, field: string): readonly string[] {
    return this.byLoadAndField.get(key(load, field))?.ids ?? [];
  }
}

const key = (load: number, field: string) => `${load}\u0000${field}`;

function bucket<K>(buckets: Map<K, IndexedIds>, at: K): IndexedIds {
  let found = buckets.get(at);
  if (!found) buckets.set(at, (found = new IndexedIds()));
  return found;
}

/** A set of ids with O(1) add and delete (swap with the last) and an array to draw from. */
class IndexedIds {
  readonly ids: string[] = [];
  private readonly at = new Map<string, number>();

  get size(): number {
    return this.ids.length;
  }

  add(id: string): void {
    if (this.at.has(id)) return;
    this.at.set(id, this.ids.length);
    this.ids.push(id);
  }

  delete(id: string): void {
    const index = this.at.get(id);
    if (index === undefined) return;
    const last = this.ids.pop() as string;
    this.at.delete(id);
    if (last !== id) {
      this.ids[index] = last;
      this.at.set(last, index);
    }
  }
}

/**
 * The items in a seeded random order, drawn one at a time: a Fisher-Yates shuffle done lazily (only
 * the swapped places are remembered), so taking k of n costs k draws, not n.
 */
export function* seededDraws(items: readonly string[], random: () => number): Generator<string> {
  const moved = new Map<number, number>();
  for (let i = 0; i < items.length; i += 1) {
    const j = i + Math.floor(random() * (items.length - i));
    const drawn = moved.get(j) ?? j;
    moved.set(j, moved.get(i) ?? i);
    yield items[drawn];
  }
}
