/**
 * A real year at size, driven from the outside: the real app listening on a port, concurrent HTTP
 * clients (fetch), a settable clock so no deadline is waited for. One 十大示范场景 selection (or K
 * selections of one year) of N dossiers, N/4 experts, 5 scores per dossier:
 *
 *   npm run bench:scale -- --dossiers 400 [--selections 1] [--clients 4]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:scale -- --dossiers 1600
 *
 * PGlite runs in this process on disk under a temporary DATA_DIR (as the embedded default does); with DATABASE_URL a fresh database is
 * made on that server and dropped at the end. Prints per phase: wall time, requests, requests/s,
 * p50/p95/p99 and the peak RSS of this process (the app, its clients, and PGlite when embedded).
 * Registration and sign-in are mostly argon2 (~150 ms a hash by design) and are reported apart.
 */
import { mkdtempSync, rmSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SettableClock, loadAppConfig, EVENT_STORE_SCHEMA } from '@app/platform';
import { creditCodeCheckCharacter } from '@app/domain/credit-code';
import { API_SCHEMAS, createApp } from '../apps/api/src/create-app';
import { startEmbeddedPostgres } from '@app/database';
import { createTestDatabase, seedPgliteDataDir } from '../test/support/test-databases';

interface Options {
  dossiers: number;
  selections: number;
  clients: number;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string, fallback: number) => {
    const at = argv.indexOf(`--${name}`);
    const parsed = at >= 0 ? Number(argv[at + 1]) : fallback;
    if (!Number.isSafeInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
    return parsed;
  };
  return { dossiers: value('dossiers', 400), selections: value('selections', 1), clients: value('clients', 4) };
}

const PROGRAMME = 'demo-scenario';
const RUBRIC_MAX: Record<string, number> = {};
const ADMIN = { username: 'admin', password: 'admin-password-for-the-scale-bench' };

interface PhaseResult {
  name: string;
  wallMs: number;
  latencies: number[];
  peakRss: number;
  note: string;
}

/** Peak RSS over the run, sampled every 100 ms and around every request. */
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

class Http {
  constructor(private readonly base: string) {}

  async call(method: string, path: string, token: string | null, body?: unknown, expected: number[] = [200, 201]): Promise<{ status: number; body: any; ms: number }> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    let payload: FormData | string | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const started = performance.now();
    const response = await fetch(`${this.base}${path}`, { method, headers, body: payload });
    const text = await response.text();
    const ms = performance.now() - started;
    const parsed = text.length > 0 && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    if (!expected.includes(response.status)) {
      throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    }
    return { status: response.status, body: parsed, ms };
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

/** Runs the tasks with `clients` at a time, keeping each request's latency. */
async function concurrently<T>(items: readonly T[], clients: number, task: (item: T) => Promise<number[]>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(clients, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        latencies.push(...(await task(item)));
      }
    }),
  );
  return latencies;
}

function creditCode(serial: number): string {
  const body = `91430100MA4L${String(serial).padStart(5, '0')}`;
  return body + creditCodeCheckCharacter(body);
}

const pdf = (label: string) => new Blob([`%PDF-1.4\n% 湖南省人工智能+ 申报材料 ${label}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`], { type: 'application/pdf' });

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
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
  const year = 2026;
  const clock = new SettableClock(`${year}-03-02T01:00:00.000Z`);
  const app = await createApp({ config, clock, database: { url: database.url, kind: 'server', close: async () => undefined } }, false);
  app.useLogger(['error']);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const http = new Http(`http://127.0.0.1:${port}/api/v1`);
  const rss = new RssMeter();
  const results: PhaseResult[] = [];
  const phase = async (name: string, note: string, work: () => Promise<number[]>) => {
    rss.startPhase();
    const started = performance.now();
    const latencies = await work();
    results.push({ name, wallMs: performance.now() - started, latencies, peakRss: rss.phase(), note });
    console.error(`  ${row(results[results.length - 1])} at the peak: ${rss.breakdown}`);
  };
  const { clients } = options;
  const perSelection = Math.max(1, Math.floor(options.dossiers / options.selections));
  const expertCount = Math.max(5, Math.ceil(options.dossiers / 4));
  const organisationCount = Math.max(1, Math.ceil(options.dossiers / 8));

  try {
    const admin = (await http.call('POST', '/auth/login', null, ADMIN)).body.accessToken as string;
    console.error(`scale bench: ${kind}, ${options.dossiers} dossiers in ${options.selections} selection(s), ${expertCount} experts, ${organisationCount} organisations, ${clients} clients`);

    // Registration: organisations register themselves, the admin registers experts; then all sign in.
    const organisations: { code: string; username: string; token?: string }[] = Array.from({ length: organisationCount }, (_, i) => ({
      code: creditCode(10_000 + i),
      username: `scale-org${i}`,
    }));
    const experts: { username: string; expertId?: string; token?: string }[] = Array.from({ length: expertCount }, (_, i) => ({ username: `scale-expert${i}` }));
    await phase('register (argon2 hash per account)', `${organisationCount} organisations + ${expertCount} experts`, async () => [
      ...(await concurrently(organisations, clients, async (org) => {
        const r = await http.call('POST', '/organisations', null, {
          creditCode: org.code,
          name: `湖南规模测试${org.username}有限公司`,
          contactName: '联系人',
          contactPhone: '0731-88880000',
          username: org.username,
          password: `${org.username}-password`,
        });
        return [r.ms];
      })),
      ...(await concurrently(experts, clients, async (expert) => {
        const i = Number(expert.username.replace('scale-expert', ''));
        const r = await http.call('POST', '/experts', admin, {
          name: `专家${i}`,
          organisationName: `湖南大学${i}`,
          organisationCreditCode: creditCode(50_000 + i),
          fields: ['人工智能'],
          username: expert.username,
          password: `${expert.username}-password`,
        });
        expert.expertId = r.body.id ?? r.body.expertId;
        return [r.ms];
      })),
    ]);
    await phase('sign in (argon2 verify per account)', `${organisationCount + expertCount} logins`, async () =>
      concurrently([...organisations, ...experts], clients, async (account) => {
        const r = await http.call('POST', '/auth/login', null, { username: account.username, password: `${account.username}-password` });
        account.token = r.body.accessToken;
        return [r.ms];
      }),
    );

    for (let s = 0; s < options.selections; s += 1) {
      const label = options.selections > 1 ? ` [selection ${s + 1}]` : '';
      clock.set(`${year}-03-02T01:00:00.000Z`);
      const opened = await http.call('POST', '/selections', admin, {
        programme: PROGRAMME,
        year,
        ...(options.selections > 1 ? { batch: s + 1 } : {}),
        submissionDeadlineDate: `${year}-03-31`,
        overrides: { quotas: { scenario: Math.min(100, Math.max(1, Math.floor(perSelection / 10))) }, minimumScore: 50, maxDossiersPerExpert: 40 },
      });
      const selectionId = opened.body.id as string;
      const selection = (await http.call('GET', `/selections/${selectionId}`, admin)).body;
      const rubric: { code: string; maxPoints: number }[] = selection.rules?.rubric ?? [];
      for (const criterion of rubric) RUBRIC_MAX[criterion.code] = criterion.maxPoints;
      const requiredKinds: string[] = (selection.rules?.attachments?.kinds ?? []).filter((k: any) => k.required).map((k: any) => k.code);
      const fieldCodes: string[] = (selection.rules?.fields ?? []).map((f: any) => f.code);

      const dossiers: { id: string; owner: string; strength: number }[] = [];
      const drafts = Array.from({ length: perSelection }, (_, i) => i);
      await phase(`draft + ${requiredKinds.length} attachments + submit${label}`, `${perSelection} dossiers`, async () =>
        concurrently(drafts, clients, async (i) => {
          const org = organisations[i % organisations.length];
          const fields = Object.fromEntries(fieldCodes.map((code) => [code, `${code} 的内容 ${i}`]));
          const times: number[] = [];
          const drafted = await http.call('POST', `/selections/${selectionId}/dossiers`, org.token!, {
            title: `规模测试项目 ${s}-${i}`,
            projectCode: `P-${year}-${s}-${i}`,
            tier: 'scenario',
            fields,
            declaredInvestmentFen: 1_000_000_000 + i * 1_000_000,
          });
          times.push(drafted.ms);
          const id = drafted.body.id as string;
          for (const kind of requiredKinds) {
            const form = new FormData();
            form.append('kind', kind);
            form.append('file', pdf(`${id}-${kind}`), `${kind}.pdf`);
            times.push((await http.call('POST', `/dossiers/${id}/attachments`, org.token!, form)).ms);
          }
          times.push((await http.call('POST', `/dossiers/${id}/submit`, org.token!, undefined, [200])).ms);
          dossiers.push({ id, owner: org.token!, strength: 0.6 + ((i * 37) % 40) / 100 });
          return times;
        }),
      );

      clock.set(`${year}-04-01T01:00:00.000Z`);
      await phase(`close submissions (one call)${label}`, '', async () => [(await http.call('POST', `/selections/${selectionId}/close-submissions`, admin, undefined, [200])).ms]);
      await phase(`formal review${label}`, `${dossiers.length} decisions`, async () =>
        concurrently(dossiers, clients, async (dossier) => [
          (await http.call('POST', `/dossiers/${dossier.id}/formal-review`, admin, { decision: 'pass', approvedInvestmentFen: 900_000_000 }, [200])).ms,
        ]),
      );
      await phase(`close formal review (one call)${label}`, '', async () => [(await http.call('POST', `/selections/${selectionId}/close-formal-review`, admin, undefined, [200])).ms]);

      clock.set(`${year}-04-10T01:00:00.000Z`);
      let planned = 0;
      await phase(`plan assignments (one call)${label}`, `${expertCount} experts`, async () => {
        const plan = await http.call('POST', `/selections/${selectionId}/assignments`, admin, { seed: 'scale' }, [201]);
        planned = (plan.body.assignments as unknown[]).length;
        return [plan.ms];
      });

      const strength = new Map(dossiers.map((dossier) => [dossier.id, dossier.strength]));
      const work: { token: string; dossierId: string }[] = [];
      await phase(`my assignments (GET per expert)${label}`, '', async () =>
        concurrently(experts, clients, async (expert) => {
          const r = await http.call('GET', '/me/assignments', expert.token!, undefined, [200]);
          for (const item of r.body as { dossierId: string }[]) if (strength.has(item.dossierId)) work.push({ token: expert.token!, dossierId: item.dossierId });
          return [r.ms];
        }),
      );
      // Read right after the plan call (no command in between whose own wait would let the projector
      // catch up): a list short of the plan would be the read models answering before the plan's rows.
      if (work.length !== planned) throw new Error(`the experts' lists hold ${work.length} of the plan's ${planned} places: read models behind the plan call`);
      // 保密承诺、回避声明: an expert signs the selection's declaration before he opens any dossier.
      await phase(`sign the declaration (GET + POST per expert)${label}`, '', async () =>
        concurrently(experts, clients, async (expert) => {
          const text = await http.call('GET', `/selections/${selectionId}/declaration`, expert.token!, undefined, [200]);
          const body = text.body as { version: string; signature?: unknown };
          if (body.signature) return [text.ms];
          const signed = await http.call('POST', `/selections/${selectionId}/declaration/signature`, expert.token!, { version: body.version }, [201]);
          return [text.ms, signed.ms];
        }),
      );

      await phase(`score (PUT …/reviews/mine)${label}`, `${work.length} scores`, async () =>
        concurrently(work, clients, async ({ token, dossierId }) => {
          const points = Object.fromEntries(rubric.map((c) => [c.code, Math.round(c.maxPoints * strength.get(dossierId)!)]));
          return [(await http.call('PUT', `/dossiers/${dossierId}/reviews/mine`, token, { points, comment: '材料完整,技术先进。' }, [200])).ms];
        }),
      );

      clock.set(`${year}-04-20T01:00:00.000Z`);
      await phase(`close review (one call)${label}`, '', async () => [(await http.call('POST', `/selections/${selectionId}/close-review`, admin, undefined, [200])).ms]);
      await phase(`start notice (one call)${label}`, '', async () => [
        (await http.call('POST', `/selections/${selectionId}/public-notice`, admin, { startsOn: `${year}-04-21` }, [201])).ms,
      ]);
      clock.set(`${year}-05-20T02:00:00.000Z`);
      await phase(`decide awards (one call)${label}`, '', async () => [(await http.call('POST', `/selections/${selectionId}/awards`, admin, undefined, [201])).ms]);
      await phase(`publish (one call)${label}`, '', async () => [(await http.call('POST', `/selections/${selectionId}/awards/publish`, admin, undefined, [200])).ms]);
      await phase(`shortlist + awards (GET)${label}`, '', async () => [
        (await http.call('GET', `/selections/${selectionId}/shortlist`, admin, undefined, [200])).ms,
        (await http.call('GET', `/selections/${selectionId}/awards`, null, undefined, [200])).ms,
      ]);
    }
  } finally {
    rss.stop();
    print(options, kind, results, rss.peak);
    await app.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One phase as a table row; also printed (to stderr) as soon as the phase ends, for long runs. */
function row(result: PhaseResult): string {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const seconds = result.wallMs / 1000;
  const mib = Math.round(result.peakRss / 2 ** 20);
  return `| ${result.name} | ${sorted.length} | ${seconds.toFixed(2)} | ${(sorted.length / seconds).toFixed(1)} | ${percentile(sorted, 50).toFixed(0)} | ${percentile(sorted, 95).toFixed(0)} | ${percentile(sorted, 99).toFixed(0)} | ${mib} MiB |`;
}

function print(options: Options, kind: string, results: readonly PhaseResult[], peak: number): void {
  const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
  console.log(`\n${kind === 'pglite' ? 'PGlite (in-process)' : 'PostgreSQL server'}: ${options.dossiers} dossiers, ${options.selections} selection(s), ${options.clients} clients`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}, ${new Date().toISOString()}`);
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
  console.log(`whole year: ${total.toFixed(1)} s wall, of which registration and sign-in (argon2) ${hashing.toFixed(1)} s; without them ${(total - hashing).toFixed(1)} s; peak RSS ${mib(peak)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    writeSync(2, `${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
