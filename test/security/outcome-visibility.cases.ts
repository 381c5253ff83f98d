import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import { ApplicantPlan, createPreparer, creditCode } from '../notice/prepare-review-closed';

const EXPERTS = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'];

const scenario = (key: string, organisation: number, target: number): ApplicantPlan => ({
  dossierId: `ov-${key}`,
  organisation,
  tier: 'scenario',
  title: `可见性项目${key.toUpperCase()}`,
  approvedFen: 5_000_000_00,
  target,
  fields: { sceneName: `场景${key}`, domain: 'AI+交通', description: '描述', demonstration: '示范', promotionValue: '推广' },
});

/**
 * Finding 4: while awards are decided but not published, an applicant learns nothing of them — not from
 * GET /dossiers/{id}, /me/dossiers, the organisation history, nor the portal pages. Once published, all do.
 */
describe('outcome visible only once published (finding 4)', () => {
  let t: TestApp;
  let admin: AuthenticatedClient;
  let winner: AuthenticatedClient;
  let reserve: AuthenticatedClient;
  let selectionId: string;

  beforeAll(async () => {
    t = await startTestApp('pglite', '2026-08-01T01:00:00.000Z');
    admin = await t.asAdmin();
    for (const n of [201, 202]) {
      await t.http
        .post('/api/v1/organisations')
        .send({ creditCode: creditCode(n), name: `湖南第${n}科技有限公司`, contactName: '李明', contactPhone: '13800000000', username: `ov${n}`, password: 'ov-password-123' })
        .expect(201);
    }
    winner = await t.as('ov201', 'ov-password-123');
    reserve = await t.as('ov202', 'ov-password-123');
    const prepare = createPreparer(t);
    await prepare.registerExperts(EXPERTS, ['AI+交通'], '2026-08-01T01:00:00.000Z');
    selectionId = await prepare.toReviewClosed(
      {
        programme: 'demo-scenario',
        year: 2026,
        quotas: { scenario: 1 },
        applicants: [scenario('a', 201, 90), scenario('b', 202, 80)],
        at: {
          open: '2026-08-03T01:00:00.000Z',
          deadlineDate: '2026-08-20',
          draft: '2026-08-05T02:00:00.000Z',
          closeSubmissions: '2026-08-21T01:00:00.000Z',
          formalReview: '2026-08-24T02:00:00.000Z',
          review: '2026-08-26T02:00:00.000Z',
          closeReview: '2026-08-28T02:00:00.000Z',
        },
      },
      admin,
      EXPERTS,
    );
    t.clock.set('2026-09-01T02:00:00.000Z');
    await admin.post(`/api/v1/selections/${selectionId}/public-notice`).send({ startsOn: '2026-09-02' }).expect(201);
    t.clock.set('2026-09-20T02:00:00.000Z');
    await admin.post(`/api/v1/selections/${selectionId}/awards`).expect(201);
    // The admin sees the decision at once.
    expect((await admin.get('/api/v1/dossiers/ov-b').expect(200)).body.status).toBe('not-awarded');
  });
  afterAll(async () => t?.close());

  const reads = (client: AuthenticatedClient, dossierId: string, creditCodeOf: string) =>
    Promise.all([
      client.get(`/api/v1/dossiers/${dossierId}`).expect(200),
      client.get('/api/v1/me/dossiers').expect(200),
      client.get(`/api/v1/organisations/${creditCodeOf}/history`).expect(200),
      t.http.get('/applicant/dossiers').set('Cookie', `ai_plus_session=${client.token}`).expect(200),
      t.http.get(`/applicant/dossiers/${dossierId}`).set('Cookie', `ai_plus_session=${client.token}`).expect(200),
    ]);

  it('awards decided, not published: every read shows the dossier as passed, with no reason', async () => {
    for (const [client, dossierId, code] of [[winner, 'ov-a', creditCode(201)], [reserve, 'ov-b', creditCode(202)]] as const) {
      const [detail, mine, history, listPage, dossierPage] = await reads(client, dossierId, code);
      expect(detail.body).toMatchObject({ status: 'passed', closingReason: null });
      expect(mine.body.map((line: { status: string }) => line.status)).toEqual(['passed']);
      expect(history.body[0]).toMatchObject({ status: 'passed', awarded: null, decision: null, paidFen: null });
      const everything = JSON.stringify([detail.body, mine.body, history.body]) + listPage.text + dossierPage.text;
      expect(everything.match(/not-awarded|:"awarded"|未入选|入选|reserve|候补/)?.[0] ?? "").toBe("");
    }
  });

  it('once published, the applicant sees the outcome', async () => {
    await admin.post(`/api/v1/selections/${selectionId}/awards/publish`).expect(200);
    const [detail, mine, history, listPage] = await reads(reserve, 'ov-b', creditCode(202));
    expect(detail.body.status).toBe('not-awarded');
    expect(detail.body.closingReason).toEqual(expect.any(String));
    expect(mine.body[0].status).toBe('not-awarded');
    expect(history.body[0].status).toBe('not-awarded');
    expect(listPage.text).toMatch(/未入选/);
    expect((await winner.get('/api/v1/dossiers/ov-a').expect(200)).body.status).toBe('awarded');
  });
});
