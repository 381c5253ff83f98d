import type { Response } from 'supertest';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import { creditCodeOf, registerApplicant } from '../dossiers/dossier-fixtures';
import { BadRequest, generateCorpus, OpenApiDocument } from './bad-input-corpus';

const STACK_OR_SQL = /\bat [^\s]+ \(?[^\s]*\.(ts|js|mjs):\d+|\b(SELECT .* FROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b|QueryFailedError|syntax error at or near|node_modules/;

/**
 * The generated bad-input corpus (finding 6, and the acceptance): every operation of the OpenAPI
 * document × every parameter and body field × missing / wrong type / huge / NUL / surrogate / deep /
 * huge number / null, and whole-body mutations, each sent as an anonymous caller, an applicant, an expert
 * and an admin, against one booted app. No answer is a 5xx, and no body carries a stack trace or SQL.
 */
describe('the bad-input corpus from the OpenAPI document', () => {
  let t: TestApp;
  let corpus: BadRequest[];
  const callers: Record<string, AuthenticatedClient | null> = { anonymous: null };

  beforeAll(async () => {
    t = await startTestApp('pglite');
    const admin = await t.asAdmin();
    await admin.post('/api/v1/selections').send({ programme: 'demo-scenario', year: 2026, submissionDeadlineDate: '2026-03-31' }).expect(201);
    const applicant = await registerApplicant(t, 'K', 'corpus-applicant');
    await registerApplicant(t, 'L', 'corpus-victim');
    const dossierId = (
      await applicant
        .post('/api/v1/selections/demo-scenario-2026/dossiers')
        .send({ title: '语料项目', tier: 'scenario', fields: { sceneName: '示例' }, declaredInvestmentFen: 100_000_000 })
        .expect(201)
    ).body.id;
    const attachmentId = (
      await applicant
        .post(`/api/v1/dossiers/${dossierId}/attachments`)
        .field('kind', 'application-form')
        .attach('file', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 32)]), { filename: 'a.pdf', contentType: 'application/pdf' })
        .expect(201)
    ).body.id;
    const expertId = (
      await admin
        .post('/api/v1/experts')
        .send({ name: '语料专家', organisationName: '中南大学', organisationCreditCode: '124300004448853760', fields: ['AI+离散型制造'], username: 'corpus-expert', password: 'corpus-expert-password' })
        .expect(201)
    ).body.expertId;
    callers.applicant = applicant;
    callers.expert = await t.as('corpus-expert', 'corpus-expert-password');
    callers.admin = admin;
    const document = (await t.http.get('/api/docs-json').expect(200)).body as OpenApiDocument;
    corpus = generateCorpus(document, {
      selectionId: 'demo-scenario-2026',
      dossierId,
      attachmentId,
      expertId,
      objectionId: 'no-such-objection',
      creditCode: creditCodeOf('K'),
      streamId: 'selection-demo-scenario-2026',
      year: '2026',
      username: 'corpus-victim',
    });
  });
  afterAll(async () => t?.close());

  function send(request: BadRequest, caller: AuthenticatedClient | null): Promise<Response> {
    let test = t.http[request.method](request.url);
    if (caller) test = test.set('Authorization', `Bearer ${caller.token}`);
    for (const [name, value] of Object.entries(request.headers)) test = test.set(name, value);
    if (request.body !== undefined) test = test.set('Content-Type', request.contentType ?? 'application/json').send(request.body);
    return test.then((response) => response);
  }

  it('covers every operation with at least 5,000 requests, and none answers 5xx or leaks a stack or SQL', async () => {
    const operations = new Set(corpus.map((request) => request.operation));
    const document = (await t.http.get('/api/docs-json').expect(200)).body as OpenApiDocument;
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect([...operations].sort()).toEqual(documented.sort());

    const jobs = Object.entries(callers).flatMap(([who, caller]) => corpus.map((request) => ({ who, caller, request })));
    expect(jobs.length).toBeGreaterThanOrEqual(5_000);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const { who, caller, request } = jobs[next++];
        const response = await send(request, caller);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const text = response.text ?? '';
        if (response.status >= 500 || STACK_OR_SQL.test(text)) {
          failures.push(`${response.status} ${request.operation} [${request.mutation}] as ${who}: ${text.slice(0, 200)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    process.stdout.write(`bad-input corpus: ${jobs.length} requests over ${operations.size} operations; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}\n`);
    expect(failures.slice(0, 40)).toEqual([]);
  }, 600_000);
});
