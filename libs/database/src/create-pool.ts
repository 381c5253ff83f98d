import { Pool } from 'pg';

/**
 * A `pg` pool whose idle connections may be dropped by the server (a restart, a dropped test
 * database) without crashing the process: the next query simply opens a new connection.
 */
export function createPool(url: string, max: number): Pool {
  const pool = new Pool({ connectionString: url, max });
  pool.on('error', () => undefined);
  return pool;
}
