/**
 * Event-store append throughput on the PostgreSQL server and on embedded PGlite, beside the raw rate
 * of single-row INSERTs of the same columns into a plain table (the physical limit of the database).
 *
 *   npm run bench:event-store                      # PGlite, and the server at DATABASE_URL when set
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:event-store
 *
 * Each server run uses a database of its own, created and dropped here.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { Client, Pool } from 'pg';
import { runMigrations, startEmbeddedPostgres } from '@app/database';
import { PostgresEventStore, eventStoreMigrations } from '@app/event-store';

const EVENTS_PER_CASE: Record<number, number> = { 1: 3000, 10: 20000, 100: 40000 };
const BATCH_SIZES = [1, 10, 100];
const WRITER_COUNTS = [1, 8];
const STREAMS_PER_WRITER = 50;

interface Target {
  label: string;
  url: string;
  dispose(): Promise<void>;
}

const payload = {
  dossierId: 'd-0001',
  expertId: 'e-0001',
  scores: { technology: 27.5, results: 22, promotion: 18, compliance: 9 },
  comment: '技术路线清晰,应用成效显著,具备推广价值。',
};
const metadata = { actor: { id: 'bench', role: 'system' }, correlationId: randomUUID(), causationId: randomUUID() };

async function benchAppends(pool: Pool, batchSize: number, writers: number): Promise<number> {
  const store = new PostgresEventStore(pool);
  const total = EVENTS_PER_CASE[batchSize];
  const appendsPerWriter = Math.ceil(total / batchSize / writers);
  const run = `r${randomBytes(4).toString('hex')}`;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      const revisions = new Map<string, bigint>();
      for (let append = 0; append < appendsPerWriter; append += 1) {
        const stream = `bench${run}-${writer}-${append % STREAMS_PER_WRITER}`;
        const expected = revisions.get(stream);
        const events = Array.from({ length: batchSize }, () => ({ type: 'ScoreSubmitted', data: payload, metadata }));
        const result = await store.append(stream, events, { expectedState: expected ?? 'no-stream' });
        revisions.set(stream, result.nextRevision);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (appendsPerWriter * writers * batchSize) / seconds;
}

/** The same columns, one row per autocommitted INSERT, no checks: what the database can do at most. */
async function benchRawInserts(pool: Pool, writers: number): Promise<number> {
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_raw (
    global_position bigint GENERATED ALWAYS AS IDENTITY, event_id uuid NOT NULL, stream_id text NOT NULL,
    category text NOT NULL, stream_revision bigint NOT NULL, type text NOT NULL, data jsonb NOT NULL,
    metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);
  const total = EVENTS_PER_CASE[1];
  const perWriter = Math.ceil(total / writers);
  const data = JSON.stringify(payload);
  const meta = JSON.stringify(metadata);
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let row = 0; row < perWriter; row += 1) {
        await pool.query(
          `INSERT INTO bench_raw (event_id, stream_id, category, stream_revision, type, data, metadata)
           VALUES ($1, $2, 'bench', $3, 'ScoreSubmitted', $4, $5)`,
          [randomUUID(), `bench-${writer}`, row, data, meta],
        );
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (perWriter * writers) / seconds;
}

async function serverTarget(url: string): Promise<Target | null> {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`(skipping the PostgreSQL server: cannot connect to ${url}: ${(error as Error).message})`);
    return null;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const version = (await admin.query('SHOW server_version')).rows[0].server_version;
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    label: `PostgreSQL ${version} server (127.0.0.1)`,
    url: target.toString(),
    async dispose() {
      const cleanup = new Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function pgliteTarget(): Promise<Target> {
  const embedded = await startEmbeddedPostgres();
  return { label: 'PGlite 0.5 (in-process, via socket)', url: embedded.url, dispose: () => embedded.stop() };
}

function format(rate: number): string {
  return Math.round(rate).toLocaleString('en-US');
}

async function main(): Promise<void> {
  const targets: Target[] = [];
  const server = process.env.DATABASE_URL ? await serverTarget(process.env.DATABASE_URL) : null;
  if (server) targets.push(server);
  else if (!process.env.DATABASE_URL) console.log('(DATABASE_URL not set: PGlite only)');
  targets.push(await pgliteTarget());

  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log('');
  console.log('| database | events per append | writers | events/s | raw INSERT rows/s | ratio |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const target of targets) {
    await runMigrations(target.url, { tableName: 'es_migrations', migrations: eventStoreMigrations });
    const pool = new Pool({ connectionString: target.url, max: 8 });
    try {
      for (const writers of WRITER_COUNTS) {
        const raw = await benchRawInserts(pool, writers);
        for (const batchSize of BATCH_SIZES) {
          const rate = await benchAppends(pool, batchSize, writers);
          console.log(`| ${target.label} | ${batchSize} | ${writers} | ${format(rate)} | ${format(raw)} | ${(rate / raw).toFixed(2)} |`);
        }
      }
    } finally {
      await pool.end();
      await target.dispose();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
