import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { MigrationSet, runMigrations, startEmbeddedPostgres } from '@app/database';

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

export async function createTestDatabase(kind: TestDatabaseKind, sets: readonly MigrationSet[]): Promise<TestDatabase> {
  const database = kind === 'pglite' ? await createPgliteDatabase() : await createServerDatabase();
  for (const set of sets) await runMigrations(database.url, set);
  return database;
}

async function createPgliteDatabase(): Promise<TestDatabase> {
  const embedded = await startEmbeddedPostgres();
  return { url: embedded.url, label: 'PGlite', drop: () => embedded.stop() };
}

/** Each test file gets a fresh database on the server, so parallel workers never see each other's rows. */
async function createServerDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL as string;
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
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
