import { createHash, randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { EmbeddedPostgres, MigrationSet, runMigrations, startEmbeddedPostgres } from '@app/database';

/** A database of its own for one test file, migrated, dropped when the file is done. */
export interface TestDatabase {
  readonly url: string;
  readonly label: string;
  drop(): Promise<void>;
}

export type TestDatabaseKind = 'pglite' | 'postgres';

/** PGlite always; the PostgreSQL server too when DATABASE_URL is set (as CI does). */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh, migrated database. Migrating is the slow part (a new PGlite runs initdb in WebAssembly and
 * every migration after it), so each set of migrations is applied once to a template, and every test
 * database is a copy of it: PGlite's clone() of a template kept in this worker, or the server's
 * CREATE DATABASE … TEMPLATE. A copy is the very state migrating would give; nothing is shared after.
 */
export async function createTestDatabase(kind: TestDatabaseKind, sets: readonly MigrationSet[]): Promise<TestDatabase> {
  return kind === 'pglite' ? createPgliteDatabase(sets) : createServerDatabase(sets);
}

/** The identity of a list of migration sets: their tables and every migration's name, in order. */
function templateKey(sets: readonly MigrationSet[]): string {
  const names = sets.map((set) => `${set.tableName}:${set.migrations.map((migration) => migration.name).join(',')}`).join(';');
  return createHash('sha256').update(names).digest('hex').slice(0, 16);
}

const pgliteTemplates = new Map<string, Promise<PGlite>>();

/** Migrated over a socket like any database, then kept as a copy with no server (no open handle). */
async function migratedPgliteTemplate(sets: readonly MigrationSet[]): Promise<PGlite> {
  const embedded: EmbeddedPostgres = await startEmbeddedPostgres();
  try {
    for (const set of sets) await runMigrations(embedded.url, set);
    return (await embedded.db.clone()) as PGlite;
  } finally {
    await embedded.stop();
  }
}

async function createPgliteDatabase(sets: readonly MigrationSet[]): Promise<TestDatabase> {
  const key = templateKey(sets);
  let template = pgliteTemplates.get(key);
  if (!template) {
    template = migratedPgliteTemplate(sets);
    pgliteTemplates.set(key, template);
    // A failed build is not kept: the next test file tries again and reports its own error.
    template.catch(() => pgliteTemplates.delete(key));
  }
  const copy = (await (await template).clone()) as PGlite;
  const embedded = await startEmbeddedPostgres({ db: copy });
  return { url: embedded.url, label: 'PGlite', drop: () => embedded.stop() };
}

/**
 * The server's template for `sets`, made once (under an advisory lock, so parallel workers wait for
 * the first) and kept: its name carries the migrations' names, so a new migration makes a new one.
 */
async function serverTemplate(serverUrl: string, sets: readonly MigrationSet[]): Promise<string> {
  const name = `test_template_${templateKey(sets)}`;
  await withClient(serverUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      const existing = await client.query<{ ready: boolean }>(
        `SELECT shobj_description(oid, 'pg_database') = 'migrated' AS ready FROM pg_database WHERE datname = $1`,
        [name],
      );
      if (existing.rows[0]?.ready) return;
      if (existing.rows.length > 0) await client.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      for (const set of sets) await runMigrations(url.toString(), set);
      await client.query(`COMMENT ON DATABASE ${name} IS 'migrated'`);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
  return name;
}

/** Each test file gets a fresh database on the server, so parallel workers never see each other's rows. */
async function createServerDatabase(sets: readonly MigrationSet[]): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL as string;
  const template = await serverTemplate(serverUrl, sets);
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    label: 'PostgreSQL server',
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
