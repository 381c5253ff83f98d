/**
 * The scale bench's clients, in a process of their own (forked by bench/scale.bench.ts), so their
 * JSON and fetch work does not compete with the app's event loop: concurrent HTTP clients drive one
 * year (or K selections of one year) through the app's port and report each phase's latencies and
 * their own RSS; the app's process sets its clock when asked and measures itself around each phase.
 */
import { creditCodeCheckCharacter } from '@app/domain/credit-code';
import { ClientMessage, ClientPhase, Options, Reply, parseOptions } from './protocol';

const PROGRAMME = 'demo-scenario';
const RUBRIC_MAX: Record<string, number> = {};
const ADMIN = { username: 'admin', password: 'admin-password-for-the-scale-bench' };

let nextCall = 0;
const pending = new Map<number, () => void>();
process.on('message', (reply: Reply) => {
  pending.get(reply.id)?.();
  pending.delete(reply.id);
});

/** One call to the app's process, answered once it is done there. */
function call(message: Omit<ClientMessage, 'id'> & Record<string, unknown>): Promise<void> {
  const id = (nextCall += 1);
  return new Promise((resolve, reject) => {
    pending.set(id, resolve);
    process.send!({ ...message, id }, (error: Error | null) => (error ? reject(error) : undefined));
  });
}

const clock = { set: (at: string) => call({ call: 'set-clock', at }) };

/** Peak RSS of this process over a phase, sampled every 100 ms. */
class RssMeter {
  private phasePeak = 0;
  private readonly timer = setInterval(() => this.sample(), 100);
  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.phasePeak) this.phasePeak = rss;
  }
  startPhase(): void {
    this.phasePeak = process.memoryUsage.rss();
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

async function main(): Promise<void> {
  const options: Options = parseOptions(process.argv.slice(2));
  const base = process.env.SCALE_BENCH_URL;
  if (!base) throw new Error('SCALE_BENCH_URL is not set: run npm run bench:scale, which forks this process');
  const http = new Http(base);
  const rss = new RssMeter();
  const phase = async (name: string, note: string, work: () => Promise<number[]>) => {
    await call({ call: 'phase-start' });
    rss.startPhase();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const latencies = await work();
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const result: ClientPhase = { name, note, wallMs, latencies, clientRss: rss.phase(), clientCpuMs: (used.user + used.system) / 1000 };
    await call({ call: 'phase-end', phase: result });
  };
  const { clients } = options;
  const perSelection = Math.max(1, Math.floor(options.dossiers / options.selections));
  const expertCount = Math.max(5, Math.ceil(options.dossiers / 4));
  const organisationCount = Math.max(1, Math.ceil(options.dossiers / 8));
  const year = 2026;

  try {
  const admin = (await http.call('POST', '/auth/login', null, ADMIN)).body.accessToken as string;

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
    await clock.set(`${year}-03-02T01:00:00.000Z`);
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

    await clock.set(`${year}-04-01T01:00:00.000Z`);
    await phase(`close submissions (one call)${label}`, '', async () => [(await http.call('POST', `/selections/${selectionId}/close-submissions`, admin, undefined, [200])).ms]);
    await phase(`formal review${label}`, `${dossiers.length} decisions`, async () =>
      concurrently(dossiers, clients, async (dossier) => [
        (await http.call('POST', `/dossiers/${dossier.id}/formal-review`, admin, { decision: 'pass', approvedInvestmentFen: 900_000_000 }, [200])).ms,
      ]),
    );
    await phase(`close formal review (one call)${label}`, '', async () => [(await http.call('POST', `/selections/${selectionId}/close-formal-review`, admin, undefined, [200])).ms]);

    await clock.set(`${year}-04-10T01:00:00.000Z`);
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

    await clock.set(`${year}-04-20T01:00:00.000Z`);
    await phase(`close review (one call)${label}`, '', async () => [(await http.call('POST', `/selections/${selectionId}/close-review`, admin, undefined, [200])).ms]);
    await phase(`start notice (one call)${label}`, '', async () => [
      (await http.call('POST', `/selections/${selectionId}/public-notice`, admin, { startsOn: `${year}-04-21` }, [201])).ms,
    ]);
    await clock.set(`${year}-05-20T02:00:00.000Z`);
    await phase(`decide awards (one call)${label}`, '', async () => [(await http.call('POST', `/selections/${selectionId}/awards`, admin, undefined, [201])).ms]);
    await phase(`publish (one call)${label}`, '', async () => [(await http.call('POST', `/selections/${selectionId}/awards/publish`, admin, undefined, [200])).ms]);
    await phase(`shortlist + awards (GET)${label}`, '', async () => [
      (await http.call('GET', `/selections/${selectionId}/shortlist`, admin, undefined, [200])).ms,
      (await http.call('GET', `/selections/${selectionId}/awards`, null, undefined, [200])).ms,
    ]);
  }
  } finally {
    rss.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`, () => process.exit(1));
  },
);
