import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { EMBEDDED_POSTGRES_SETTINGS, EmbeddedPostgres, MigrationSet, runMigrations, startEmbeddedPostgres } from '@app/database';

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
 * One kind for suites whose subject is the HTTP behaviour, not persistence: the server when DATABASE_URL
 * is set (it runs in its own process, on the other core), PGlite otherwise. Persistence is shown on both
 * kinds by the event-store and projection contract suites, the races, read-your-writes and the full
 * year; the portal, security and corpus suites run on PGlite. Running every HTTP walk twice doubled the
 * suite's time and showed nothing the persistence suites do not.
 */
export function behaviourDatabaseKinds(): TestDatabaseKind[] {
  return process.env.DATABASE_URL ? ['postgres'] : ['pglite'];
}

/**
 * A fresh, migrated database. Creating one is the slow part (a new PGlite runs initdb in WebAssembly,
 * then every migration), so each set of migrations is applied once to a template, and every test
 * database is a copy of it: a PGlite loaded from the template's data-directory tarball, or the server's
 * CREATE DATABASE … TEMPLATE. A copy is the very state migrating would give; nothing is shared after.
 */
export async function createTestDatabase(kind: TestDatabaseKind, sets: readonly MigrationSet[]): Promise<TestDatabase> {
  return kind === 'pglite' ? createPgliteDatabase(sets) : createServerDatabase(sets);
}

/**
 * The identity of a list of migration sets: their tables, every migration's name and the source of its
 * `up`, so editing a migration under the same name still makes a new template.
 */
function templateKey(sets: readonly MigrationSet[]): string {
  const hash = createHash('sha256');
  for (const set of sets) {
    hash.update(`${set.tableName}:`);
    for (const migration of set.migrations) hash.update(`${migration.name}=${migration.prototype.up.toString()};`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The installed PGlite's version: a data directory is only loaded by the release that wrote it. */
function pgliteVersion(): string {
  const entry = createRequire(join(process.cwd(), 'package.json')).resolve('@electric-sql/pglite');
  let folder = dirname(entry);
  while (!existsSync(join(folder, 'package.json'))) folder = dirname(folder);
  return (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * A migrated PGlite data directory as a tarball, built once per set of migrations and PGlite release and
 * kept in the OS's temporary folder for every later test file and run. Each test file's module registry
 * is its own, so an in-memory template would be rebuilt per file: initdb in WebAssembly is most of a
 * PGlite's start (about 8 s on this machine kind), loading a tarball about 1.5 s.
 */
async function pgliteTemplateArchive(sets: readonly MigrationSet[]): Promise<Blob> {
  const folder = join(tmpdir(), 'ai-plus-test-templates');
  const file = join(folder, `pglite-${pgliteVersion()}-${templateKey(sets)}-checkpointed.tar`);
  mkdirSync(folder, { recursive: true });
  // On a fresh machine every worker's first file wants the template at once: one builds it, the others
  // wait for the file (building it three times over was three initdb runs on two cores).
  while (!existsSync(file)) {
    const release = takeBuildLock(`${file}.lock`);
    if (!release) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      if (!existsSync(file)) await buildPgliteTemplate(sets, file);
    } finally {
      release();
    }
  }
  return new Blob([readFileSync(file)]);
}

/** The lock file made, or undefined when another process holds it (one left by a killed run counts as free after two minutes). */
function takeBuildLock(lock: string): (() => void) | undefined {
  try {
    closeSync(openSync(lock, 'wx'));
    return () => rmSync(lock, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const madeAt = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
    if (madeAt !== undefined && Date.now() - madeAt > 120_000) rmSync(lock, { force: true });
    return undefined;
  }
}

async function buildPgliteTemplate(sets: readonly MigrationSet[], file: string): Promise<void> {
  const embedded: EmbeddedPostgres = await startEmbeddedPostgres();
  try {
    for (const set of sets) await runMigrations(embedded.url, set);
    // Checkpointed, so a database loaded from it starts without replaying the migrations' WAL (a quarter
    // of PGlite's start: about 0.47 s of CPU instead of 0.62 s, some 70 times a run).
    await embedded.db.exec('CHECKPOINT');
    const archive = await embedded.db.dumpDataDir('none');
    // Written aside and renamed: a reader never sees half a file.
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await archive.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    await embedded.stop();
  }
}

/**
 * Fills an empty on-disk PGlite data folder (what the app opens at DATA_DIR/pglite) with the migrated
 * template, for specs that boot the app on DATA_DIR as a user's machine does, without its initdb.
 */
export async function seedPgliteDataDir(folder: string, sets: readonly MigrationSet[]): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const db = await PGlite.create(folder, { loadDataDir: await pgliteTemplateArchive(sets) });
  await db.close();
}

/** The app's settings for its embedded database (32 MB of shared buffers: a little quicker to start, too). */
const pgliteStartParams = (): string[] => [...PGlite.defaultStartParams, ...EMBEDDED_POSTGRES_SETTINGS.flatMap((setting) => ['-c', setting])];

async function createPgliteDatabase(sets: readonly MigrationSet[]): Promise<TestDatabase> {
  const db = await PGlite.create({ loadDataDir: await pgliteTemplateArchive(sets), startParams: pgliteStartParams() });
  const embedded = await startEmbeddedPostgres({ db });
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
