import type { Pool } from 'pg';
import { createPool } from './create-pool';
import { startEmbeddedPostgres, EmbeddedPostgres } from './embedded-postgres';

describe('embedded PostgreSQL behind its socket server', () => {
  let embedded: EmbeddedPostgres;
  let pool: Pool;

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres({ maxConnections: 16 });
    pool = createPool(embedded.url, 12);
  });
  afterAll(async () => {
    await pool.end();
    await embedded.stop();
  });

  it('runs with the small memory settings of an embedded database', async () => {
    const { rows } = await pool.query<{ name: string; setting: string; unit: string }>(
      `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'temp_buffers', 'maintenance_work_mem') ORDER BY name`,
    );
    expect(rows.map((row) => [row.name, row.setting, row.unit])).toEqual([
      ['maintenance_work_mem', '16384', 'kB'],
      ['shared_buffers', '4096', '8kB'],
      ['temp_buffers', '512', '8kB'],
    ]);
  });

  // pg sends Parse/Bind/Execute/Sync as separate messages; all connections share one PGlite session,
  // so another connection's unnamed Parse must never land between them.
  it('answers many concurrent parameterised queries from many connections, each with its own result', async () => {
    const results = await Promise.all(
      Array.from({ length: 400 }, (_, index) =>
        index % 2 === 0
          ? pool.query('SELECT $1::int * 2 AS value', [index]).then((result) => [index, result.rows[0].value])
          : pool.query("SELECT length($1::text) AS value, 'x' AS other", ['y'.repeat(index)]).then((result) => [index, result.rows[0].value]),
      ),
    );
    for (const [index, value] of results) expect(value).toBe(index % 2 === 0 ? index * 2 : index);
  });

  // Other connections wait while a transaction is open (one session); code must never await another
  // connection from inside a transaction on the embedded path, or it waits for itself.
  // The failure pglite-socket's own queue shows: a transaction opened by connection B between A's Parse
  // and Bind, and A's Execute finds 'portal "" does not exist'.
  it('keeps each connection\'s extended-protocol sequence whole while other connections run transactions', async () => {
    await pool.query('CREATE TABLE marks (n int)');
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, async (_, index) => {
        if (index % 2 === 0) return (await pool.query('SELECT $1::int * 2 AS value', [index])).rows[0].value === index * 2;
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query('INSERT INTO marks VALUES ($1)', [index]);
          const { rows } = await client.query('SELECT count(*)::int AS count FROM marks WHERE n = $1', [index]);
          await client.query('COMMIT');
          return rows[0].count === 1;
        } finally {
          client.release();
        }
      }),
    );
    expect(outcomes.every(Boolean)).toBe(true);
  });

  it('keeps a transaction on one connection whole while others query', async () => {
    await pool.query('CREATE TABLE counters (id int PRIMARY KEY, value int NOT NULL)');
    await pool.query('INSERT INTO counters VALUES (1, 0)');
    const noise = Array.from({ length: 60 }, (_, index) => pool.query('SELECT $1::int AS noise', [index]));
    await Promise.all([
      ...noise,
      ...Array.from({ length: 30 }, async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const { rows } = await client.query('SELECT value FROM counters WHERE id = $1', [1]);
          await new Promise((resolve) => setTimeout(resolve, 1));
          await client.query('UPDATE counters SET value = $1 WHERE id = $2', [rows[0].value + 1, 1]);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      }),
    ]);
    const { rows } = await pool.query('SELECT value FROM counters WHERE id = 1');
    expect(rows[0].value).toBe(30);
  });

  it('rolls back a transaction whose connection goes away', async () => {
    await pool.query('CREATE TABLE notes (text text)');
    const client = await pool.connect();
    await client.query('BEGIN');
    await client.query('INSERT INTO notes VALUES ($1)', ['never committed']);
    client.release(new Error('drop this connection'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { rows } = await pool.query('SELECT count(*)::int AS count FROM notes');
    expect(rows[0].count).toBe(0);
  });
});
