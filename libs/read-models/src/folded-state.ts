import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@app/event-store';

/** A recorded event as the domain's evolve takes it. */
export const asDomainEvent = <E>(event: RecordedEvent): E => ({ type: event.type, data: event.data }) as E;

/** The aggregate id in a `{category}-{id}` stream. */
export const aggregateIdOf = (streamId: string): string => streamId.slice(streamId.indexOf('-') + 1);

/**
 * The folded aggregate a row keeps in its `state` column, so the next event evolves it with the
 * domain's own evolve; null when the row does not exist yet.
 */
export async function loadFoldedState<State>(manager: EntityManager, table: string, id: string): Promise<State | null> {
  const rows: { state: State }[] = await manager.query(`SELECT state FROM ${table} WHERE id = $1`, [id]);
  return rows.length === 0 ? null : rows[0].state;
}

/** The folded aggregates of these rows in one statement, by id; ids without a row are left out. */
export async function loadFoldedStates<State>(manager: EntityManager, table: string, ids: readonly string[]): Promise<Map<string, State>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; state: State }[] = await manager.query(`SELECT id, state FROM ${table} WHERE id = ANY ($1::text[])`, [ids]);
  return new Map(rows.map((row) => [row.id, row.state]));
}

/**
 * States kept as the JSON text written to their rows (a parsed state takes several times the memory),
 * at most this many; the oldest written goes first. Enough for every dossier of a large selection.
 */
export const REMEMBERED_STATES = 8_192;

/** As loadFoldedStates, taking first what the projection remembers of its last batches (see ProjectionMemory). */
export async function loadRememberedStates<State>(manager: EntityManager, table: string, ids: readonly string[], memory: Map<string, unknown> | undefined): Promise<Map<string, State>> {
  const states = new Map<string, State>();
  const missing: string[] = [];
  for (const id of ids) {
    const text = memory?.get(`${table}:${id}`);
    if (typeof text === 'string') states.set(id, JSON.parse(text) as State);
    else missing.push(id);
  }
  for (const [id, state] of await loadFoldedStates<State>(manager, table, missing)) states.set(id, state);
  return states;
}

/** Remembers the state just written to a row (its JSON text), forgetting the oldest past REMEMBERED_STATES. */
export function rememberState(memory: Map<string, unknown> | undefined, table: string, id: string, text: string): void {
  if (!memory) return;
  const key = `${table}:${id}`;
  memory.delete(key);
  memory.set(key, text);
  if (memory.size > REMEMBERED_STATES) memory.delete(memory.keys().next().value as string);
}
