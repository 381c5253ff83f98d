/**
 * The queries that moved onto the read models and had no home before: dossier lists with filters,
 * sorting and pages; review progress with the experts late after the review deadline; an
 * organisation's history across selections.
 */
import { testDatabaseKinds } from '../support/test-databases';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import { creditCode, preparePassedDossiers } from '../reviews/prepare-dossiers';
import { signDeclaration } from '../support/sign-declaration';

const SELECTION = 'demo-scenario-2026';
const DOMAIN = 'AI+离散型制造';
const PASSWORD = 'expert-password-for-tests';
const TITLES = ['智能制造甲', '智慧农业乙', '智能制造丙', '智慧医疗丁', '智能制造戊'];
const dossierId = (n: number) => `${SELECTION}-d${n}`;
const RUBRIC_MAX: Record<string, number> = { technology: 25, effectiveness: 30, replicability: 25, investment: 10, compliance: 10 };
const pointsFor = (total: number) => Object.fromEntries(Object.entries(RUBRIC_MAX).map(([code, max]) => [code, (max * total) / 100]));

for (const kind of testDatabaseKinds()) {
  describe(`read-model queries over HTTP on ${kind}`, () => {
    let t: TestApp;
    let admin: AuthenticatedClient;
    const experts: { id: string; client: AuthenticatedClient }[] = [];

    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await t.asAdmin();
      await admin
        .post('/api/v1/selections')
        .send({ programme: 'demo-scenario', year: 2026, submissionDeadlineDate: '2026-03-31', overrides: { quotas: { scenario: 2 }, expertsPerDossier: 2, minimumValidReviews: 2 } })
        .expect(201);
      for (let n = 1; n <= 3; n += 1) {
        const registered = await admin
          .post('/api/v1/experts')
          .send({ name: `专家${n}`, organisationName: `高校${n}`, organisationCreditCode: creditCode(900 + n), fields: [DOMAIN], username: `expert${n}`, password: PASSWORD })
          .expect(201);
        experts.push({ id: registered.body.expertId, client: await t.as(`expert${n}`, PASSWORD) });
      }
      await preparePassedDossiers(
        t.store,
        SELECTION,
        TITLES.map((title, i) => ({ dossierId: dossierId(i + 1), organisation: i + 1, title, domain: DOMAIN })),
      );
      await t.settle();
    });
    afterAll(async () => t?.close());

    it('pages a selection’s dossiers with a total and links, filtered by title and sorted', async () => {
      const first = await admin.get(`/api/v1/selections/${SELECTION}/dossiers?pageSize=2`).expect(200);
      expect(first.body.map((dossier: { id: string }) => dossier.id)).toEqual([dossierId(1), dossierId(2)]);
      expect(first.headers['x-total-count']).toBe('5');
      expect(first.headers.link).toBe(`</api/v1/selections/${SELECTION}/dossiers?pageSize=2&page=2>; rel="next"`);
      const last = await admin.get(`/api/v1/selections/${SELECTION}/dossiers?pageSize=2&page=3`).expect(200);
      expect(last.body.map((dossier: { id: string }) => dossier.id)).toEqual([dossierId(5)]);
      expect(last.headers.link).toBe(`</api/v1/selections/${SELECTION}/dossiers?pageSize=2&page=2>; rel="prev"`);

      const manufacturing = await admin.get(`/api/v1/selections/${SELECTION}/dossiers?q=${encodeURIComponent('智能制造')}&sort=-title`).expect(200);
      expect(manufacturing.body.map((dossier: { title: string }) => dossier.title)).toEqual(['智能制造甲', '智能制造戊', '智能制造丙'].sort().reverse());
      expect(manufacturing.headers['x-total-count']).toBe('3');
      const none = await admin.get(`/api/v1/selections/${SELECTION}/dossiers?status=draft`).expect(200);
      expect(none.body).toEqual([]);
      expect(none.headers['x-total-count']).toBe('0');
    });

    it('refuses a bad page, page size or sort with the field named', async () => {
      for (const query of ['page=0', 'pageSize=501', 'pageSize=x', 'sort=size', 'status=lost']) {
        const refused = await admin.get(`/api/v1/selections/${SELECTION}/dossiers?${query}`).expect(400);
        expect(JSON.stringify(refused.body)).toContain(query.split('=')[0]);
      }
      await admin.get('/api/v1/selections/no-such-selection/dossiers').expect(404);
    });

    it('shows the review deadline, and after it the experts with scores still missing as late', async () => {
      t.clock.set('2026-04-15T02:00:00.000Z');
      const badDeadline = await admin.post(`/api/v1/selections/${SELECTION}/assignments`).send({ reviewDeadlineDate: '2026-04-01' }).expect(400);
      expect(badDeadline.body.details.reason).toContain('2026-04-01');
      await admin.post(`/api/v1/selections/${SELECTION}/assignments`).send({ reviewDeadlineDate: '2026-04-24' }).expect(201);

      const mine = await experts[0].client.get('/api/v1/me/assignments').expect(200);
      expect(mine.body.length).toBeGreaterThan(0);
      expect(mine.body.every((task: { reviewDeadlineDate: string }) => task.reviewDeadlineDate === '2026-04-24')).toBe(true);

      const onTime = await admin.get(`/api/v1/selections/${SELECTION}/review-progress`).expect(200);
      expect(onTime.body).toMatchObject({ reviewDeadlineDate: '2026-04-24', lateExperts: [] });

      // The first expert scores everything on the last day; the others do not.
      t.clock.set('2026-04-24T08:00:00.000Z');
      await signDeclaration(experts[0].client, SELECTION);
      for (const task of mine.body as { dossierId: string }[]) {
        await experts[0].client.put(`/api/v1/dossiers/${task.dossierId}/reviews/mine`).send({ points: pointsFor(80), comment: '按期评分' }).expect(200);
      }
      t.clock.set('2026-04-25T01:00:00.000Z'); // 09:00 in Changsha, the day after the deadline
      const late = await admin.get(`/api/v1/selections/${SELECTION}/review-progress`).expect(200);
      const lateIds = late.body.lateExperts.map((expert: { expertId: string }) => expert.expertId).sort();
      expect(lateIds).toEqual([experts[1].id, experts[2].id].sort());
      for (const expert of late.body.lateExperts as { expertId: string; name: string; missing: number }[]) {
        const load = late.body.experts.find((line: { expertId: string }) => line.expertId === expert.expertId);
        expect(expert.missing).toBe(load.assigned - load.scored);
        expect(expert.name).toMatch(/^专家/);
      }
    });

    it("gives an organisation its own history, admins anyone's, and nobody else's to an applicant", async () => {
      await t.http
        .post('/api/v1/organisations')
        .send({ creditCode: creditCode(1), name: '湖南甲科技有限公司', contactName: '张三', contactPhone: '0731-88888888', username: 'org-one', password: 'org-one-password' })
        .expect(201);
      const applicant = await t.as('org-one', 'org-one-password');
      const own = await applicant.get(`/api/v1/organisations/${creditCode(1)}/history`).expect(200);
      expect(own.body).toEqual([
        expect.objectContaining({ year: 2026, selectionId: SELECTION, dossierId: dossierId(1), title: TITLES[0], status: 'passed', standing: null, awarded: null }),
      ]);
      await applicant.get(`/api/v1/organisations/${creditCode(2)}/history`).expect(404);
      const byAdmin = await admin.get(`/api/v1/organisations/${creditCode(2)}/history`).expect(200);
      expect(byAdmin.body.map((line: { dossierId: string }) => line.dossierId)).toEqual([dossierId(2)]);
      await experts[0].client.get(`/api/v1/organisations/${creditCode(1)}/history`).expect(403);
    });
  });
}
