import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { Client } from 'pg';
import { creditCodeCheckCharacter } from '@app/domain/credit-code';
import { formatTable, runConcurrently, summarise } from './phase-stats';
import type { PhaseStats } from './phase-stats';
import type { ScaleAppMessage, ScaleAppReply } from './scale-app';

/**
 * `npm run bench:scale -- --dossiers N [--selections K] [--clients C]`: one year at full size through
 * the real HTTP app (in a process of its own, on a clock this benchmark moves): organisations register,
 * draft with attachments and submit; formal review; the plan; every expert scores; review closes; the
 * notice; awards; publication. Per phase: wall time, requests/s, p50/p95/p99 and the app's peak RSS.
 * PGlite by default; the server with DATABASE_URL (a database of its own, dropped at the end).
 */
interface Options {
  readonly dossiers: number;
  readonly selections: number;
  readonly clients: number;
  readonly dossiersPerOrganisation: number;
}

interface SeedProgramme {
  tiers: { code: string }[];
  rubric: { code: string; maxPoints: number }[];
  fields: { code: string }[];
  attachments: { kinds: { code: string; required: boolean }[] };
  requiresDeclaredInvestment?: boolean;
}

const MONEY_FIRST = ['demo-scenario', 'vertical-model', 'dataset', 'innovative-product', 'key-enterprise', 'innovation-platform'];
const YEAR = 2026;
const EXPERTS_PER_DOSSIER = 5;

const whole = (name: string, min: number) => (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) throw new InvalidArgumentError(`${name} must be a whole number ≥ ${min}`);
  return parsed;
};

function parseOptions(argv: string[]): Options {
  const program = new Command('bench:scale')
    .option('--dossiers <n>', 'dossiers per selection', whole('--dossiers', 4), 400)
    .option('--selections <k>', 'selections of the same year (money programmes first)', whole('--selections', 1), 1)
    .option('--clients <c>', 'concurrent HTTP clients', whole('--clients', 1), 4)
    .option('--dossiers-per-organisation <d>', 'dossiers one organisation files per selection', whole('--dossiers-per-organisation', 1), 4)
    .parse(argv);
  const options = program.opts<Options>();
  if (options.selections > MONEY_FIRST.length) throw new InvalidArgumentError(`--selections is at most ${MONEY_FIRST.length}`);
  return options;
}

const seedProgramme = (code: string) => JSON.parse(readFileSync(join(process.cwd(), 'seeds/programmes', `${code}.json`), 'utf8')) as SeedProgramme;

function creditCode(serial: number): string {
  const body = `91430100MA${String(serial).padStart(7, '0')}`;
  return body + creditCodeCheckCharacter(body);
}

const pdf = (label: string) => new Blob([`%PDF-1.4\n% 湖南省人工智能+ 申报材料 ${label}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`], { type: 'application/pdf' });

class Api {
  constructor(
    private readonly base: string,
    private readonly token?: string,
  ) {}

  async send(method: string, path: string, body?: unknown, expect?: number): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const headers: Record<string, string> = {};
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${this.base}${path}`, { method, headers, body: payload });
    const text = await response.text();
    if (expect !== undefined ? response.status !== expect : response.status >= 300) {
      throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    }
    return text.length > 0 && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
  }

  async login(username: string, password: string): Promise<Api> {
    const { accessToken } = await this.send('POST', '/api/v1/auth/login', { username, password }, 200);
    return new Api(this.base, accessToken as string);
  }
}

/** Resident set size of the app's process now, in MiB (Linux /proc). */
function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kib / 1024;
  } catch {
    return 0;
  }
}

async function startApp(databaseUrl: string | undefined): Promise<{ child: ChildProcess; port: number; setClock(instant: string): Promise<void> }> {
  const env = { ...process.env };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const child = fork(join(__dirname, 'scale-app.js'), [], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the app stopped while starting (exit ${code})`)));
    child.on('message', (reply: ScaleAppReply) => {
      if (reply.type === 'listening') resolve(reply.port);
    });
  });
  let serial = 0;
  const setClock = (instant: string) =>
    new Promise<void>((resolve) => {
      const id = ++serial;
      const listener = (reply: ScaleAppReply) => {
        if (reply.type === 'clock-set' && reply.id === id) {
          child.off('message', listener);
          resolve();
        }
      };
      child.on('message', listener);
      child.send({ type: 'clock', instant, id } satisfies ScaleAppMessage);
    });
  return { child, port, setClock };
}

async function serverDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return undefined;
  const name = `bench_scale_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv);
  const server = await serverDatabase();
  const app = await startApp(server?.url);
  const pid = app.child.pid as number;
  const base = `http://127.0.0.1:${app.port}`;
  const anonymous = new Api(base);
  const rows: PhaseStats[] = [];
  let peakOverall = 0;
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const started = performance.now();

  /** One phase: its tasks with the benchmark's clients, the app's RSS sampled while they run. */
  const phase = async (name: string, tasks: (() => Promise<void>)[], { hashing = false, clients = options.clients } = {}) => {
    let peak = rssMiB(pid);
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 100);
    try {
      const { latencies, wallMs } = await runConcurrently(tasks, clients);
      peak = Math.max(peak, rssMiB(pid));
      const row = summarise(name, latencies, wallMs, peak, hashing);
      rows.push(row);
      peakOverall = Math.max(peakOverall, peak);
      log(`bench:scale: ${name}: ${row.requests} requests in ${(wallMs / 1000).toFixed(2)} s, p95 ${row.p95.toFixed(1)} ms, app RSS ${peak.toFixed(0)} MiB`);
    } finally {
      clearInterval(sampler);
    }
  };
  const single = (name: string, work: () => Promise<void>) => phase(name, [work], { clients: 1 });

  try {
    log(`bench:scale: ${options.selections} selection(s) × ${options.dossiers} dossiers, ${options.clients} clients, on ${server ? 'the PostgreSQL server' : 'PGlite'}`);
    const admin = await anonymous.login('bench-admin', 'bench-admin-passphrase');
    const programmes = MONEY_FIRST.slice(0, options.selections);
    const organisationCount = Math.ceil(options.dossiers / options.dossiersPerOrganisation);
    const expertCount = Math.max(EXPERTS_PER_DOSSIER, Math.ceil(options.dossiers / 4));
    const loadPerExpert = Math.ceil((options.dossiers * EXPERTS_PER_DOSSIER * options.selections) / expertCount) + 2;

    await app.setClock(`${YEAR}-03-02T01:00:00.000Z`);
    const selectionIds: string[] = [];
    for (const programme of programmes) {
      const seed = seedProgramme(programme);
      const quotas = Object.fromEntries(seed.tiers.map((tier) => [tier.code, 10]));
      const opened = await admin.send('POST', '/api/v1/selections', {
        programme,
        year: YEAR,
        submissionDeadlineDate: `${YEAR}-03-31`,
        overrides: { quotas, expertsPerDossier: EXPERTS_PER_DOSSIER, maxDossiersPerExpert: loadPerExpert },
      }, 201);
      selectionIds.push(opened.id as string);
    }

    const experts: { username: string }[] = Array.from({ length: expertCount }, (_, index) => ({ username: `bench-expert-${index}` }));
    await phase(
      'register experts',
      experts.map((expert, index) => () =>
        admin.send('POST', '/api/v1/experts', {
          name: `专家${index}`,
          organisationName: `评审单位${index}`,
          organisationCreditCode: creditCode(900_000 + index),
          fields: ['人工智能'],
          username: expert.username,
          password: `${expert.username}-passphrase`,
        }, 201),
      ),
      { hashing: true },
    );
    const organisations = Array.from({ length: organisationCount }, (_, index) => ({ username: `bench-org-${index}`, creditCode: creditCode(100_000 + index) }));
    await phase(
      'register organisations',
      organisations.map((organisation, index) => () =>
        anonymous.send('POST', '/api/v1/organisations', {
          creditCode: organisation.creditCode,
          name: `湖南基准测试${index}号有限公司`,
          contactName: '联系人',
          contactPhone: '0731-88880000',
          username: organisation.username,
          password: `${organisation.username}-passphrase`,
        }, 201),
      ),
      { hashing: true },
    );
    const applicantClients: Api[] = new Array(organisationCount);
    const expertClients: Api[] = new Array(expertCount);
    await phase(
      'sign in',
      [
        ...organisations.map((organisation, index) => async () => {
          applicantClients[index] = await anonymous.login(organisation.username, `${organisation.username}-passphrase`);
        }),
        ...experts.map((expert, index) => async () => {
          expertClients[index] = await anonymous.login(expert.username, `${expert.username}-passphrase`);
        }),
      ],
      { hashing: true },
    );

    // Dossiers: each organisation files dossiersPerOrganisation in every selection.
    const dossiers: { id: string; selection: number; owner: Api; strength: number }[] = [];
    const draftTasks = selectionIds.flatMap((selectionId, selection) => {
      const seed = seedProgramme(programmes[selection]);
      return Array.from({ length: options.dossiers }, (_, number) => async () => {
        const owner = applicantClients[number % organisationCount];
        const fields = Object.fromEntries(seed.fields.map((field) => [field.code, `${field.code} 的内容 ${number}`]));
        const drafted = await owner.send('POST', `/api/v1/selections/${selectionId}/dossiers`, {
          title: `${programmes[selection]} 基准项目 ${number}`,
          projectCode: `B-${YEAR}-${selection}-${number}`,
          tier: seed.tiers[number % seed.tiers.length].code,
          fields,
          ...(seed.requiresDeclaredInvestment ? { declaredInvestmentFen: 1_000_000_000 + number * 10_000 } : {}),
        }, 201);
        dossiers.push({ id: drafted.id as string, selection, owner, strength: 0.6 + ((number * 7919) % 400) / 1000 });
      });
    });
    await phase('draft', draftTasks);
    // A person uploads a dossier's files one after another (two at once on one dossier race for its
    // revision and one is refused with 409): a task is one dossier's required files.
    const kindsOf = (selection: number) => seedProgramme(programmes[selection]).attachments.kinds.filter((kind) => kind.required);
    const uploads = dossiers.map((dossier) => async () => {
      for (const kind of kindsOf(dossier.selection)) {
        const form = new FormData();
        form.append('kind', kind.code);
        form.append('file', pdf(`${dossier.id}-${kind.code}`), `${kind.code}.pdf`);
        await dossier.owner.send('POST', `/api/v1/dossiers/${dossier.id}/attachments`, form, 201);
      }
    });
    await phase(`upload attachments (${kindsOf(0).length} per dossier, a task each)`, uploads);
    await phase('submit', dossiers.map((dossier) => () => dossier.owner.send('POST', `/api/v1/dossiers/${dossier.id}/submit`, undefined, 200)));

    await app.setClock(`${YEAR}-04-01T01:00:00.000Z`);
    for (const selectionId of selectionIds) await single(`close submissions`, () => admin.send('POST', `/api/v1/selections/${selectionId}/close-submissions`, undefined, 200));
    await phase(
      'formal review',
      dossiers.map((dossier) => () =>
        admin.send('POST', `/api/v1/dossiers/${dossier.id}/formal-review`, {
          decision: 'pass',
          ...(seedProgramme(programmes[dossier.selection]).requiresDeclaredInvestment ? { approvedInvestmentFen: 900_000_000 } : {}),
        }, 200),
      ),
    );
    for (const selectionId of selectionIds) await single('close formal review', () => admin.send('POST', `/api/v1/selections/${selectionId}/close-formal-review`, undefined, 200));

    await app.setClock(`${YEAR}-04-10T01:00:00.000Z`);
    for (const selectionId of selectionIds) await single('plan assignments', () => admin.send('POST', `/api/v1/selections/${selectionId}/assignments`, { seed: 'bench' }, 201));

    const strength = new Map(dossiers.map((dossier) => [dossier.id, dossier]));
    const scoreTasks: (() => Promise<void>)[] = [];
    for (const expert of expertClients) {
      const assigned = (await expert.send('GET', '/api/v1/me/assignments', undefined, 200)) as { dossierId: string }[];
      for (const { dossierId } of assigned) {
        const dossier = strength.get(dossierId);
        if (!dossier) continue;
        const rubric = seedProgramme(programmes[dossier.selection]).rubric;
        const points = Object.fromEntries(rubric.map((criterion) => [criterion.code, Math.round(criterion.maxPoints * dossier.strength)]));
        scoreTasks.push(() => expert.send('PUT', `/api/v1/dossiers/${dossierId}/reviews/mine`, { points, comment: '材料完整,技术先进。' }, 200));
      }
    }
    await phase('score', scoreTasks);

    await app.setClock(`${YEAR}-04-20T01:00:00.000Z`);
    for (const selectionId of selectionIds) await single('close review', () => admin.send('POST', `/api/v1/selections/${selectionId}/close-review`, undefined, 200));
    for (const selectionId of selectionIds) await single('start notice', () => admin.send('POST', `/api/v1/selections/${selectionId}/public-notice`, { startsOn: `${YEAR}-04-21` }, 201));
    await app.setClock(`${YEAR}-05-20T02:00:00.000Z`);
    for (const selectionId of selectionIds) await single('decide awards', () => admin.send('POST', `/api/v1/selections/${selectionId}/awards`, undefined, 201));
    for (const selectionId of selectionIds) await single('publish', () => admin.send('POST', `/api/v1/selections/${selectionId}/awards/publish`, undefined, 200));
    await phase('read award lists', selectionIds.map((selectionId) => () => anonymous.send('GET', `/api/v1/selections/${selectionId}/awards`, undefined, 200)));

    const wall = (performance.now() - started) / 1000;
    const hashingWall = rows.filter((row) => row.hashing).reduce((sum, row) => sum + row.wallMs, 0) / 1000;
    log('');
    log(formatTable(rows));
    log('');
    log(`whole year: ${wall.toFixed(1)} s wall, of which password hashing ${hashingWall.toFixed(1)} s; ${scoreTasks.length} scores; app peak RSS ${peakOverall.toFixed(0)} MiB`);
  } finally {
    app.child.send({ type: 'stop' } satisfies ScaleAppMessage);
    await new Promise((resolve) => app.child.once('exit', resolve));
    await server?.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:scale failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
