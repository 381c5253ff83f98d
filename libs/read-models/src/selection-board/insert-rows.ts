import type { EntityManager } from 'typeorm';

/** A column's name and its PostgreSQL type, as the typed array it travels in. */
export type Column = readonly [name: string, type: string];

/**
 * One `INSERT … SELECT FROM unnest(…)` for all rows: each column travels as one typed array, so
 * thousands of rows cost one statement, not one per row. `onConflict` (e.g. `ON CONFLICT (id) DO
 * UPDATE …`) makes it an upsert; the rows must then name each key once.
 */
export async function insertRows(
  manager: EntityManager,
  table: string,
  columns: readonly Column[],
  rows: readonly unknown[][],
  onConflict = '',
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => name).join(', ');
  const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
  await manager.query(
    `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays}) ${onConflict}`,
    columns.map((_, index) => rows.map((row) => row[index])),
  );
}

/** `SET a = EXCLUDED.a, …` for every column but the key. */
export function updateAllBut(key: string, columns: readonly Column[]): string {
  return `ON CONFLICT (${key}) DO UPDATE SET ${columns
    .filter(([name]) => name !== key)
    .map(([name]) => `${name} = EXCLUDED.${name}`)
    .join(', ')}`;
}
