/**
 * Event-store append throughput on the PostgreSQL server and on embedded PGlite, beside the raw rate
 * of INSERTs of the same columns into a plain table (the physical limit of the database): one row per
 * autocommitted INSERT, and, for batches, one multi-row INSERT + COMMIT of as many rows as the append
 * has events. A last case times multi-stream appends (one event on each of 100 streams, atomically).
 *
 *   npm run bench:event-store                      # PGlite, and the server at DATABASE_URL when set
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:event-store
 *
 * Each server run uses databases of its own, created and dropped here.
 *
 * Before and after, in one run: every case runs first on a database migrated as main was before the
 * set-based append (through the hash-chain migration 1766000000000), appended exactly as main's adapter
 * called it (`MainAppender` below: RFC 8785 text of every event's data and metadata, random v4 ids), then
 * on a database with every migration through today's adapter, then the raw INSERTs. Beside each rate it
 * prints the CPU time per 100 events (this process, plus the server's backends of that database when
 * the server runs on this machine), which the machine's load does not inflate as it does wall time. The
 * run ends with the anchoring step and the verification of the "after" database, in events/s.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { Client, Pool } from 'pg';
import { runMigrations, startEmbeddedPostgres } from '@app/database';
import {
  AppendOptions,
  AppendResult,
  NewEvent,
  PostgresChainAuditor,
  PostgresEventStore,
  StreamAppend,
  canonicalJson,
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
  /** The server's backends are processes of this machine whose CPU time /proc shows (PGlite: in this one). */
  serverOnThisMachine: boolean;
  dispose(): Promise<void>;
  /** Another database of the same kind, for the "before" half of each case. */
  sibling(): Promise<Target>;
}

/** The append calls the benchmark makes. */
interface Appender {
  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
}

/** The migrations of main before the set-based append: through the hash chain (1766000000000). */
const MAIN_MIGRATIONS = eventStoreMigrations.slice(
  0,
  eventStoreMigrations.findIndex((migration) => migration.name === 'HashChain1766000000000') + 1,
);

/**
 * The adapter's append as main made it before the set-based append: RFC 8785 text of each event's data
 * and metadata, random v4 ids, one call of that migration's es_append_streams per append.
 */
class MainAppender implements Appender {
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
        data.push(canonicalJson(event.data ?? null));
        metadata.push(canonicalJson(event.metadata ?? {}));
      }
    });
    const { rows } = await this.pool.query(
      `SELECT stream_name, next_revision, commit_position::text AS commit_position, prepare_position, appended
         FROM es_append_streams($1::text[], $2::text[], $3::text[], $4::int[], $5::uuid[], $6::text[], $7::text[], $8::text[])`,
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

/** A case's rate, and the CPU it took per 100 events: this process's, and the server's (null: not measurable). */
interface Measured {
  readonly rate: number;
  readonly appCpuPer100: number;
  readonly serverCpuPer100: number | null;
}

/**
 * CPU milliseconds of each client backend of the pool's database (autovacuum, off the append path, is
 * left out), when the server runs on this machine; null when it does not.
 */
async function backendCpuMs(pool: Pool, local: boolean): Promise<Map<number, number> | null> {
  if (!local) return null;
  const { rows } = await pool.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`,
  );
  const used = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      used.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      return null;
    }
  }
  return used;
}

/**
 * Runs a case and measures this process's CPU and the backends' (a connection opened during the case
 * counts whole; the pool closes none while its writers are busy).
 */
async function measure(pool: Pool, target: Target, run: () => Promise<{ events: number; seconds: number }>): Promise<Measured> {
  const serverBefore = await backendCpuMs(pool, target.serverOnThisMachine);
  const own = process.cpuUsage();
  const { events, seconds } = await run();
  const ownUsed = process.cpuUsage(own);
  const serverAfter = await backendCpuMs(pool, target.serverOnThisMachine);
  let server: number | null = null;
  if (serverBefore && serverAfter) {
    server = 0;
    for (const [pid, used] of serverAfter) server += used - (serverBefore.get(pid) ?? 0);
  }
  return {
    rate: events / seconds,
    appCpuPer100: ((ownUsed.user + ownUsed.system) / 1000 / events) * 100,
    serverCpuPer100: server === null ? null : (server / events) * 100,
  };
}

const payload = {
  dossierId: 'd-0001',
  expertId: 'e-0001',
  scores: { technology: 27.5, results: 22, promotion: 18, compliance: 9 },
  comment: '技术路线清晰,应用成效显著,具备推广价值。',
};
const metadata = { actor: { id: 'bench', role: 'system' }, correlationId: randomUUID(), causationId: randomUUID() };

async function benchAppends(store: Appender, batchSize: number, writers: number): Promise<{ events: number; seconds: number }> {
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
  return { events: appendsPerWriter * writers * batchSize, seconds };
}

/** Multi-stream appends: one event on each of `width` streams per call, all or none. */
async function benchMultiStream(store: Appender, width: number, writers: number): Promise<{ events: number; seconds: number }> {
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
  return { events: calls * writers * width, seconds };
}

/**
 * The same columns into a plain table with no checks, `rowsPerInsert` rows per autocommitted INSERT
 * (one statement, so one commit): what the database can do at most for a batch of that size.
 */
async function benchRawInserts(pool: Pool, writers: number, rowsPerInsert: number): Promise<{ events: number; seconds: number }> {
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
  return { events: insertsPerWriter * writers * rowsPerInsert, seconds };
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
  // "15.20 (Debian 15.20-0+deb12u1)": the number is enough for the table.
  const version = String((await admin.query('SHOW server_version')).rows[0].server_version).split(' ')[0];
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    label: `PostgreSQL ${version} server (127.0.0.1)`,
    url: target.toString(),
    serverOnThisMachine: ['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname),
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
  return {
    label: 'PGlite 0.5 (in-process, via socket)',
    url: embedded.url,
    serverOnThisMachine: false,
    dispose: () => embedded.stop(),
    sibling: pgliteTarget,
  };
}

function format(rate: number): string {
  return Math.round(rate).toLocaleString('en-US');
}

function formatCpu(measured: Measured): string {
  const app = measured.appCpuPer100.toFixed(2);
  return measured.serverCpuPer100 === null ? app : `${app} + ${measured.serverCpuPer100.toFixed(2)}`;
}

async function main(): Promise<void> {
  const targets: Target[] = [];
  const server = process.env.DATABASE_URL ? await serverTarget(process.env.DATABASE_URL) : null;
  if (server) targets.push(server);
  else if (!process.env.DATABASE_URL) console.log('(DATABASE_URL not set: PGlite only)');
  targets.push(await pgliteTarget());

  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(`load average at the start: ${loadavg().map((load) => load.toFixed(1)).join(', ')}`);
  console.log('');
  console.log('before: main\'s schema and adapter (migrations through 1766000000000); after: every migration and this adapter;');
  console.log('raw: one autocommitted multi-row INSERT of as many rows as the append has events, into a table with no index.');
  console.log('CPU ms per 100 events: this process + the server\'s client backends of that database (PGlite runs in this process).');
  console.log('');
  console.log('| database | events per append | writers | before, events/s | after, events/s | after/before | raw INSERT, rows/s | before/raw | after/raw | CPU ms per 100 events: before / after / raw |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const verifications: string[] = [];
  for (const target of targets) {
    const before = await target.sibling();
    await runMigrations(before.url, { tableName: 'es_migrations', migrations: MAIN_MIGRATIONS });
    await runMigrations(target.url, { tableName: 'es_migrations', migrations: eventStoreMigrations });
    const beforePool = new Pool({ connectionString: before.url, max: 8 });
    const pool = new Pool({ connectionString: target.url, max: 8 });
    // An idle connection ended by the server (a shared server's other users) must not end the run.
    for (const each of [beforePool, pool]) each.on('error', (error) => console.error(`(an idle connection ended: ${error.message})`));
    const main = new MainAppender(beforePool);
    const store = new PostgresEventStore(pool);
    const row = (label: string, writers: number, was: Measured, now: Measured, raw: Measured) =>
      console.log(
        `| ${target.label} | ${label} | ${writers} | ${format(was.rate)} | ${format(now.rate)} | ${(now.rate / was.rate).toFixed(2)} | ${format(raw.rate)} | ${(was.rate / raw.rate).toFixed(2)} | **${(now.rate / raw.rate).toFixed(2)}** | ${formatCpu(was)} / ${formatCpu(now)} / ${formatCpu(raw)} |`,
      );
    try {
      for (const writers of WRITER_COUNTS) {
        for (const batchSize of BATCH_SIZES) {
          const was = await measure(beforePool, target, () => benchAppends(main, batchSize, writers));
          const now = await measure(pool, target, () => benchAppends(store, batchSize, writers));
          const raw = await measure(pool, target, () => benchRawInserts(pool, writers, batchSize));
          row(String(batchSize), writers, was, now, raw);
        }
        const was = await measure(beforePool, target, () => benchMultiStream(main, MULTI_STREAM_WIDTH, writers));
        const now = await measure(pool, target, () => benchMultiStream(store, MULTI_STREAM_WIDTH, writers));
        const raw = await measure(pool, target, () => benchRawInserts(pool, writers, MULTI_STREAM_WIDTH));
        row(`1 on each of ${MULTI_STREAM_WIDTH} streams`, writers, was, now, raw);
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
  console.log(`load average at the end: ${loadavg().map((load) => load.toFixed(1)).join(', ')}`);
  console.log('');
  console.log('| database | events | commits | anchoring, commits/s | verification, events/s |');
  console.log('|---|---:|---:|---:|---:|');
  for (const line of verifications) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
