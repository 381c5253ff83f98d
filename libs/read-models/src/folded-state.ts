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

/** loadFoldedState for many rows in one query: the states found, by id. */
export async function loadFoldedStates<State>(manager: EntityManager, table: string, ids: readonly string[]): Promise<Map<string, State>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; state: State }[] = await manager.query(`SELECT id, state FROM ${table} WHERE id = ANY($1::text[])`, [ids]);
  return new Map(rows.map((row) => [row.id, row.state]));
}
