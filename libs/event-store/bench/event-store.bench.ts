/**
 * Event-store append throughput on the PostgreSQL server and on embedded PGlite, beside the raw rate
 * of INSERTs of the same columns into a plain table (the physical limit of the database): one row per
 * autocommitted INSERT, and, for batches, one multi-row INSERT + COMMIT of as many rows as the append
 * has events. A last case times multi-stream appends (one event on each of 100 streams, atomically).
 *
 *   npm run bench:event-store                      # PGlite, and the server at DATABASE_URL when set
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:event-store
 *
 * Each server run uses a database of its own, created and dropped here.
 *
 * Before and after the hash chain, in one run: every case runs first on a database migrated up to the
 * append-streams migration (1764900000000), appended through that migration's function exactly as the
 * adapter called it then (JSON.stringify, jsonb[]; `BeforeChainAppender` below), then on a database with
 * every migration through today's adapter (RFC 8785 text, hashes computed in the append). The run ends
 * with the anchoring step and the verification of the "after" database, in events/s.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { Client, Pool } from 'pg';
import { runMigrations, startEmbeddedPostgres } from '@app/database';
import {
  AppendOptions,
  AppendResult,
  NewEvent,
  PostgresChainAuditor,
  PostgresEventStore,
  StreamAppend,
  categoryOf,
  eventStoreMigrations,
} from '@app/event-store';

const EVENTS_PER_CASE: Record<number, number> = { 1: 3000, 10: 20000, 100: 40000 };
const BATCH_SIZES = [1, 10, 100];
const WRITER_COUNTS = [1, 8];
const STREAMS_PER_WRITER = 50;
const MULTI_STREAM_WIDTH = 100;
const MULTI_STREAM_EVENTS = 10000;

interface Target {
  label: string;
  url: string;
  dispose(): Promise<void>;
  /** Another database of the same kind, for the "before" half of each case. */
  sibling(): Promise<Target>;
}

/** The append calls the benchmark makes. */
interface Appender {
  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
}

/**
 * The adapter's append as it was before the chain: JSON.stringify'd data and metadata into the
 * jsonb[] signature of migration 1764900000000's es_append_streams, one call per append.
 */
class BeforeChainAppender implements Appender {
  constructor(private readonly pool: Pool) {}

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    return (await this.appendMany([{ streamId, events, expectedState: options.expectedState }]))[0];
  }

  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const eventStreams: number[] = [];
    const ids: string[] = [];
    const types: string[] = [];
    const data: string[] = [];
    const metadata: string[] = [];
    appends.forEach(({ events }, index) => {
      for (const event of events) {
        eventStreams.push(index + 1);
        ids.push(event.eventId ?? randomUUID());
        types.push(event.type);
        data.push(JSON.stringify(event.data ?? null));
        metadata.push(JSON.stringify(event.metadata ?? {}));
      }
    });
    const { rows } = await this.pool.query(
      `SELECT stream_name, next_revision, commit_position::text AS commit_position, prepare_position, appended
         FROM es_append_streams($1::text[], $2::text[], $3::text[], $4::int[], $5::uuid[], $6::text[], $7::jsonb[], $8::jsonb[])`,
      [
        appends.map((part) => part.streamId),
        appends.map((part) => categoryOf(part.streamId)),
        appends.map((part) => String(part.expectedState ?? 'any')),
        eventStreams,
        ids,
        types,
        data,
        metadata,
      ],
    );
    const byStream = new Map(rows.map((row) => [row.stream_name as string, row]));
    return appends.map((part) => {
      const row = byStream.get(part.streamId);
      return {
        nextRevision: BigInt(row.next_revision),
        position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
        appended: row.appended,
      };
    });
  }
}

const payload = {
  dossierId: 'd-0001',
  expertId: 'e-0001',
  scores: { technology: 27.5, results: 22, promotion: 18, compliance: 9 },
  comment: '技术路线清晰,应用成效显著,具备推广价值。',
};
const metadata = { actor: { id: 'bench', role: 'system' }, correlationId: randomUUID(), causationId: randomUUID() };

async function benchAppends(store: Appender, batchSize: number, writers: number): Promise<number> {
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

/** Multi-stream appends: one event on each of `width` streams per call, all or none. */
async function benchMultiStream(store: Appender, width: number, writers: number): Promise<number> {
  const calls = Math.ceil(MULTI_STREAM_EVENTS / width / writers);
  const run = `m${randomBytes(4).toString('hex')}`;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let call = 0; call < calls; call += 1) {
        await store.appendMany(
          Array.from({ length: width }, (_, stream) => ({
            streamId: `bench${run}-${writer}-${call}-${stream}`,
            events: [{ type: 'ExpertAssigned', data: payload, metadata }],
            expectedState: 'no-stream' as const,
          })),
        );
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (calls * writers * width) / seconds;
}

/**
 * The same columns into a plain table with no checks, `rowsPerInsert` rows per autocommitted INSERT
 * (one statement, so one commit): what the database can do at most for a batch of that size.
 */
async function benchRawInserts(pool: Pool, writers: number, rowsPerInsert: number): Promise<number> {
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_raw (
    global_position bigint GENERATED ALWAYS AS IDENTITY, event_id uuid NOT NULL, stream_id text NOT NULL,
    category text NOT NULL, stream_revision bigint NOT NULL, type text NOT NULL, data jsonb NOT NULL,
    metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);
  const total = EVENTS_PER_CASE[rowsPerInsert];
  const insertsPerWriter = Math.ceil(total / rowsPerInsert / writers);
  const data = JSON.stringify(payload);
  const meta = JSON.stringify(metadata);
  const values = Array.from(
    { length: rowsPerInsert },
    (_, row) => `($${row * 5 + 1}::uuid, $${row * 5 + 2}, 'bench', $${row * 5 + 3}::bigint, 'ScoreSubmitted', $${row * 5 + 4}::jsonb, $${row * 5 + 5}::jsonb)`,
  ).join(', ');
  const sql = `INSERT INTO bench_raw (event_id, stream_id, category, stream_revision, type, data, metadata) VALUES ${values}`;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let insert = 0; insert < insertsPerWriter; insert += 1) {
        const params: unknown[] = [];
        for (let row = 0; row < rowsPerInsert; row += 1) {
          params.push(randomUUID(), `bench-${writer}`, insert * rowsPerInsert + row, data, meta);
        }
        await pool.query(sql, params);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (insertsPerWriter * writers * rowsPerInsert) / seconds;
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
    sibling: async () => {
      const other = await serverTarget(url);
      if (!other) throw new Error('the server went away');
      return other;
    },
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
  return { label: 'PGlite 0.5 (in-process, via socket)', url: embedded.url, dispose: () => embedded.stop(), sibling: pgliteTarget };
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
  console.log('| database | events per append | writers | before the chain, events/s | with the chain, events/s | after/before | raw INSERT rows/s (same rows per INSERT) | with the chain/raw |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  const verifications: string[] = [];
  for (const target of targets) {
    const before = await target.sibling();
    await runMigrations(before.url, { tableName: 'es_migrations', migrations: eventStoreMigrations.slice(0, 2) });
    await runMigrations(target.url, { tableName: 'es_migrations', migrations: eventStoreMigrations });
    const beforePool = new Pool({ connectionString: before.url, max: 8 });
    const pool = new Pool({ connectionString: target.url, max: 8 });
    const old = new BeforeChainAppender(beforePool);
    const store = new PostgresEventStore(pool);
    const row = (label: string, writers: number, was: number, rate: number, raw: number) =>
      console.log(
        `| ${target.label} | ${label} | ${writers} | ${format(was)} | ${format(rate)} | ${(rate / was).toFixed(2)} | ${format(raw)} | ${(rate / raw).toFixed(2)} |`,
      );
    try {
      for (const writers of WRITER_COUNTS) {
        for (const batchSize of BATCH_SIZES) {
          const raw = await benchRawInserts(pool, writers, batchSize);
          const was = await benchAppends(old, batchSize, writers);
          const rate = await benchAppends(store, batchSize, writers);
          row(String(batchSize), writers, was, rate, raw);
        }
        const raw = await benchRawInserts(pool, writers, MULTI_STREAM_WIDTH);
        const was = await benchMultiStream(old, MULTI_STREAM_WIDTH, writers);
        const rate = await benchMultiStream(store, MULTI_STREAM_WIDTH, writers);
        row(`1 on each of ${MULTI_STREAM_WIDTH} streams`, writers, was, rate, raw);
      }
      const auditor = new PostgresChainAuditor(pool);
      let started = process.hrtime.bigint();
      const anchored = await auditor.anchor();
      const anchorSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      started = process.hrtime.bigint();
      const report = await auditor.verify();
      const verifySeconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (!report.intact) throw new Error(`the chain does not verify: ${JSON.stringify(report.firstBreak)}`);
      verifications.push(
        `| ${target.label} | ${format(report.events)} | ${format(report.commits)} | ${format(anchored / anchorSeconds)} | ${format(report.events / verifySeconds)} |`,
      );
    } finally {
      await store.close();
      await beforePool.end();
      await pool.end();
      await before.dispose();
      await target.dispose();
    }
  }
  console.log('');
  console.log('| database | events | commits | anchoring, commits/s | verification, events/s |');
  console.log('|---|---:|---:|---:|---:|');
  for (const line of verifications) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
