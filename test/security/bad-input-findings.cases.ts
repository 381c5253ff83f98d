import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-databases';
import { registerApplicant } from '../dossiers/dossier-fixtures';

/** Finding 6: each input that made a 5xx is a 400 (or 409) with a reason, and no stack or SQL leaves. */
for (const kind of testDatabaseKinds()) describe(`bad input that used to answer 5xx (finding 6) on ${kind}`, () => {
  let t: TestApp;
  let admin: AuthenticatedClient;
  let applicant: AuthenticatedClient;
  let dossierId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.asAdmin();
    await admin.post('/api/v1/selections').send({ programme: 'demo-scenario', year: 2026, submissionDeadlineDate: '2026-03-31' }).expect(201);
    applicant = await registerApplicant(t, 'B', 'bad-findings');
    const drafted = await applicant
      .post('/api/v1/selections/demo-scenario-2026/dossiers')
      .send({ title: '坏输入', tier: 'scenario', fields: { sceneName: '示例' }, declaredInvestmentFen: 100_000_000 })
      .expect(201);
    dossierId = drafted.body.id;
  });
  afterAll(async () => t?.close());

  const json = (test: import('supertest').Test, raw: string) => test.set('Content-Type', 'application/json').send(raw);

  const refused = (response: import('supertest').Response, status = 400) => {
    expect({ status: response.status, body: response.body }).toMatchObject({ status, body: { statusCode: status, message: expect.any(String) } });
    expect(JSON.stringify(response.body)).not.toMatch(/\bat .*\.(ts|js):\d+|SELECT|INSERT|UPDATE .* SET|QueryFailedError/);
  };

  it('a NUL byte in a string, without a token', async () => {
    refused(await json(t.http.post('/api/v1/auth/login'), '{"username":"a\\u0000b","password":"whatever-password"}'));
  });

  it('a NUL byte in a path', async () => {
    refused(await applicant.get('/api/v1/dossiers/a%00b'));
  });

  it('100,000-deep JSON', async () => {
    refused(await json(applicant.patch(`/api/v1/dossiers/${dossierId}`), `${'['.repeat(100_000)}${']'.repeat(100_000)}`));
    refused(await json(applicant.patch(`/api/v1/dossiers/${dossierId}`), `{"fields":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`));
  });

  it('a lone surrogate in a title', async () => {
    refused(await json(applicant.patch(`/api/v1/dossiers/${dossierId}`), '{"title":"\\ud800"}'));
  });

  it('?page=1e300 on the dossier list and ?from=1e300 on the audit trail', async () => {
    refused(await admin.get('/api/v1/selections/demo-scenario-2026/dossiers?page=1e300'));
    refused(await admin.get('/api/v1/streams/selection-demo-scenario-2026/events?from=1e300'));
  });

  it('a null where a value is required', async () => {
    refused(await applicant.patch(`/api/v1/dossiers/${dossierId}`).send({ fields: null }));
  });

  it('20 parallel registrations of one expert username: one 201, the rest 409', async () => {
    const body = { name: '并发专家', organisationName: '中南大学', organisationCreditCode: '124300004448853760', fields: ['AI+离散型制造'], username: 'same-name', password: 'same-name-password' };
    const answers = await Promise.all(Array.from({ length: 20 }, () => admin.post('/api/v1/experts').send(body)));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, ...Array(19).fill(409)]);
    for (const answer of answers.filter((candidate) => candidate.status === 409)) refused(answer, 409);
  });
});
