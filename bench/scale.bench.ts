/**
 * A real year at size, driven from the outside: the real app listening on a port, concurrent HTTP
 * clients (fetch) in a process of their own (bench/scale/clients.ts, forked), a settable clock so no
 * deadline is waited for. One 十大示范场景 selection (or K selections of one year) of N dossiers, N/4
 * experts, 5 scores per dossier:
 *
 *   npm run bench:scale -- --dossiers 400 [--selections 1] [--clients 4]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:scale -- --dossiers 1600
 *
 * This process is the app's (and PGlite's, on disk under a temporary DATA_DIR, as the embedded default runs); with DATABASE_URL a fresh database is made on
 * that server and dropped at the end. Prints per phase: wall time, requests, requests/s, p50/p95/p99
 * and the peak RSS of the app's process; then, per phase, the app's CPU time and SQL statements per
 * request, the in-process projector's work and its lag when the phase ended, and the clients' own CPU
 * time and peak RSS (so a saturated client process shows).
 * Registration and sign-in are mostly argon2 (~150 ms a hash by design) and are reported apart.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { SettableClock, loadAppConfig, EVENT_STORE_SCHEMA } from '@app/platform';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { ProjectionRunner } from '@app/read-models';
import { API_SCHEMAS, createApp } from '../apps/api/src/create-app';
import { startEmbeddedPostgres } from '@app/database';
import { createTestDatabase, seedPgliteDataDir } from '../test/support/test-databases';
import { ClientMessage, ClientPhase, Options, parseOptions } from './scale/protocol';

const ADMIN = { username: 'admin', password: 'admin-password-for-the-scale-bench' };

interface PhaseResult extends ClientPhase {
  peakRss: number;
  /** CPU time (user + system) of the app's process in the phase: less disturbed by other tenants than wall time. */
  appCpuMs: number;
  queries: number;
  projector: { events: number; batches: number; busyMs: number; lagMs: number };
  loadAverage: number;
}

/** Peak RSS of this process (the app's) over the run, sampled every 100 ms. */
class RssMeter {
  peak = 0;
  private phasePeak = 0;
  /** Where the phase's peak went: the JS heap, and memory outside it (Buffers, PGlite's WASM memory). */
  breakdown = '';
  private readonly timer = setInterval(() => this.sample(), 100);
  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
    if (rss > this.phasePeak) {
      this.phasePeak = rss;
      const { heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
      const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
      this.breakdown = `heap ${mib(heapUsed)}/${mib(heapTotal)} MiB, external ${mib(external)} MiB (ArrayBuffers ${mib(arrayBuffers)})`;
    }
  }
  startPhase(): void {
    this.phasePeak = 0;
    this.sample();
  }
  phase(): number {
    this.sample();
    return this.phasePeak;
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

/** Every statement any pg client of this process sends (the app's pools, TypeORM's, the projector's). */
const sql = { statements: 0 };
const query = Client.prototype.query;
Client.prototype.query = function counted(this: Client, ...args: unknown[]) {
  sql.statements += 1;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

/** The projector's batches (their events and time) and how far behind the store it is when asked. */
class ProjectorMeter {
  private events = 0;
  private batches = 0;
  private busyMs = 0;

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly store: EventStore,
  ) {
    const handleBatch = runner.handleBatch.bind(runner);
    runner.handleBatch = async (batch: readonly RecordedEvent[]) => {
      const started = performance.now();
      try {
        await handleBatch(batch);
      } finally {
        this.busyMs += performance.now() - started;
        this.batches += 1;
        this.events += batch.length;
      }
    };
  }

  reset(): void {
    this.events = 0;
    this.batches = 0;
    this.busyMs = 0;
  }

  /** The work since reset, and how long the projector then takes to reach the store's head. */
  async phase(): Promise<PhaseResult['projector']> {
    const head = await this.store.headPosition();
    const started = performance.now();
    if (head && this.runner.running) await this.runner.waitFor(head, 60_000);
    return { events: this.events, batches: this.batches, busyMs: this.busyMs, lagMs: performance.now() - started };
  }
}

/**
 * PGlite as the app runs it by default: its files in DATA_DIR/pglite on disk (seeded from the migrated
 * template, to skip initdb), not a clone in memory:// whose every page would live in this process.
 */
async function pgliteOnDisk(folder: string): Promise<{ url: string; drop(): Promise<void> }> {
  await seedPgliteDataDir(folder, [EVENT_STORE_SCHEMA, ...API_SCHEMAS]);
  const embedded = await startEmbeddedPostgres({ dataDir: folder });
  return { url: embedded.url, drop: () => embedded.stop() };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const dataDir = mkdtempSync(join(tmpdir(), 'ai-plus-scale-'));
  const database = kind === 'postgres' ? await createTestDatabase(kind, [EVENT_STORE_SCHEMA, ...API_SCHEMAS]) : await pgliteOnDisk(join(dataDir, 'pglite'));
  const config = loadAppConfig({
    DATA_DIR: dataDir,
    JWT_SECRET: 'scale-bench-secret-that-is-long-enough-for-hs256',
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    // Every organisation of the benchmark registers from this one address.
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: '10000000',
    // The argon2 cost may be lowered to OWASP's floor for the largest runs (hashing is reported apart).
    PASSWORD_HASH_MEMORY_KIB: process.env.PASSWORD_HASH_MEMORY_KIB,
    PASSWORD_HASH_TIME_COST: process.env.PASSWORD_HASH_TIME_COST,
  });
  const clock = new SettableClock('2026-03-02T01:00:00.000Z');
  const app = await createApp({ config, clock, database: { url: database.url, kind: 'server', close: async () => undefined } }, false);
  app.useLogger(['error']);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const projector = new ProjectorMeter(app.get(ProjectionRunner, { strict: false }), app.get<EventStore>(EVENT_STORE, { strict: false }));
  const rss = new RssMeter();
  const results: PhaseResult[] = [];
  const expertCount = Math.max(5, Math.ceil(options.dossiers / 4));
  const organisationCount = Math.max(1, Math.ceil(options.dossiers / 8));
  console.error(`scale bench: ${kind}, ${options.dossiers} dossiers in ${options.selections} selection(s), ${expertCount} experts, ${organisationCount} organisations, ${options.clients} clients (in their own process)`);
  const startLoad = loadavg();
  let appCpu = process.cpuUsage();

  try {
    await driveClients(options, `http://127.0.0.1:${port}/api/v1`, async (message) => {
      switch (message.call) {
        case 'set-clock':
          clock.set(message.at);
          return;
        case 'phase-start':
          // The profile's clock (µs): with --cpu-prof, a phase's samples are the ones between its two marks.
          console.error(`  phase-start-us ${process.hrtime.bigint() / 1000n}`);
          appCpu = process.cpuUsage();
          rss.startPhase();
          projector.reset();
          sql.statements = 0;
          return;
        case 'phase-end': {
          console.error(`  phase-end-us ${process.hrtime.bigint() / 1000n}`);
          const queries = sql.statements;
          const peakRss = rss.phase();
          const used = process.cpuUsage(appCpu);
          const appCpuMs = (used.user + used.system) / 1000;
          const result = { ...message.phase, peakRss, appCpuMs, queries, projector: await projector.phase(), loadAverage: loadavg()[0] };
          results.push(result);
          console.error(`  ${row(result)} at the peak: ${rss.breakdown}`);
          return;
        }
      }
    });
  } finally {
    rss.stop();
    print(options, kind, results, rss.peak, startLoad);
    await app.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Forks the clients' process and answers its calls until it exits; rejects when it fails. */
function driveClients(options: Options, url: string, answer: (message: ClientMessage) => Promise<void>): Promise<void> {
  // The clients run the same TypeScript hook but none of this process's profiling or heap flags.
  const execArgv = ['-r', join(__dirname, '..', 'tools', 'swc-register.cjs')];
  const args = ['--dossiers', String(options.dossiers), '--selections', String(options.selections), '--clients', String(options.clients)];
  const child = fork(join(__dirname, 'scale', 'clients.ts'), args, { execArgv, env: { ...process.env, SCALE_BENCH_URL: url }, stdio: 'inherit' });
  child.on('message', (message: ClientMessage) => {
    answer(message).then(
      () => child.send({ id: message.id }),
      (error: unknown) => {
        writeSync(2, `${error instanceof Error ? error.stack : String(error)}\n`);
        child.kill();
      },
    );
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`the clients' process ended with ${signal ?? `code ${code}`}`))));
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;

/** One phase as a table row; also printed (to stderr) as soon as the phase ends, for long runs. */
function row(result: PhaseResult): string {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const seconds = result.wallMs / 1000;
  return `| ${result.name} | ${sorted.length} | ${seconds.toFixed(2)} | ${(sorted.length / seconds).toFixed(1)} | ${percentile(sorted, 50).toFixed(0)} | ${percentile(sorted, 95).toFixed(0)} | ${percentile(sorted, 99).toFixed(0)} | ${mib(result.peakRss)} |`;
}

/** The same phase's cost inside the app: SQL per request, the projector, and the clients' own memory. */
function costRow(result: PhaseResult): string {
  const requests = Math.max(1, result.latencies.length);
  const { events, batches, busyMs, lagMs } = result.projector;
  const perEvent = events > 0 ? (busyMs / events).toFixed(2) : '—';
  return `| ${result.name} | ${(result.appCpuMs / requests).toFixed(2)} | ${(result.queries / requests).toFixed(1)} | ${events} in ${batches} batches | ${(busyMs / 1000).toFixed(2)} | ${perEvent} | ${lagMs.toFixed(0)} | ${(result.clientCpuMs / requests).toFixed(2)} | ${mib(result.clientRss)} | ${result.loadAverage.toFixed(1)} |`;
}

function print(options: Options, kind: string, results: readonly PhaseResult[], peak: number, startLoad: number[]): void {
  const loads = (values: number[]) => values.map((l) => l.toFixed(1)).join(' / ');
  console.log(`\n${kind === 'pglite' ? 'PGlite (in-process)' : 'PostgreSQL server'}: ${options.dossiers} dossiers, ${options.selections} selection(s), ${options.clients} clients in their own process`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, the app's heap limit ${mib(getHeapStatistics().heap_size_limit)} (npm run bench:scale caps it as npm start does), load average at start ${loads(startLoad)}, at end ${loads(loadavg())}, ${new Date().toISOString()}`);
  console.log('| phase | requests | wall s | req/s | p50 ms | p95 ms | p99 ms | peak RSS |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  let total = 0;
  let hashing = 0;
  for (const result of results) {
    const seconds = result.wallMs / 1000;
    total += seconds;
    if (result.name.includes('argon2')) hashing += seconds;
    console.log(row(result));
  }
  console.log(`whole year: ${total.toFixed(1)} s wall, of which registration and sign-in (argon2) ${hashing.toFixed(1)} s; without them ${(total - hashing).toFixed(1)} s; peak RSS of the app ${mib(peak)}`);
  console.log('\nInside the app (SQL statements of every pg client of its process, the projector included; lag: time to reach the store\'s head when the phase ended):');
  console.log('| phase | app CPU ms per request | SQL per request | projector events | projector busy s | ms per event | lag ms | clients\' CPU ms per request | clients\' peak RSS | load (1 min) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const result of results) console.log(costRow(result));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    writeSync(2, `${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
