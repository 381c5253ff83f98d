import { behaviourDatabaseKinds } from '../support/test-databases';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import { creditCode, preparePassedDossiers } from '../reviews/prepare-dossiers';

const SELECTION = 'demo-scenario-2026';
// 501 events in one append: more than one projector batch (500).
const DOSSIERS = 100;
const EXPERTS = 20;
const PER_DOSSIER = 5;
const PASSWORD = 'expert-password-for-tests';
const DOMAIN = 'AI+离散型制造';

/**
 * A plan is one append of hundreds of ExpertAssigned events, more than one projector batch: the
 * plan call answers only once the read models have all of them, so an expert who reads his list
 * right after it sees every dossier he was given, never part of them.
 */
for (const kind of behaviourDatabaseKinds()) {
  describe(`the plan call and the experts' lists on ${kind}`, () => {
    let t: TestApp;
    let admin: AuthenticatedClient;
    const experts: { expertId: string; client: AuthenticatedClient }[] = [];

    beforeAll(async () => {
      // A short stall limit: the call may wait longer in all, but only while the projector keeps committing batches.
      t = await startTestApp(kind, '2026-03-02T01:00:00.000Z', { PROJECTION_WAIT_MS: '2000' });
      admin = await t.asAdmin();
      await admin
        .post('/api/v1/selections')
        .send({ programme: 'demo-scenario', year: 2026, submissionDeadlineDate: '2026-03-31', overrides: { expertsPerDossier: PER_DOSSIER, maxDossiersPerExpert: 40 } })
        .expect(201);
      for (let n = 1; n <= EXPERTS; n += 1) {
        const registered = await admin
          .post('/api/v1/experts')
          .send({ name: `专家${n}`, organisationName: `高校${n}`, organisationCreditCode: creditCode(900 + n), fields: [DOMAIN], username: `expert${n}`, password: PASSWORD })
          .expect(201);
        experts.push({ expertId: registered.body.expertId, client: await t.as(`expert${n}`, PASSWORD) });
      }
      await preparePassedDossiers(
        t.store,
        SELECTION,
        Array.from({ length: DOSSIERS }, (_, i) => ({ dossierId: `${SELECTION}-d${i + 1}`, organisation: i + 1, title: `场景${i + 1}`, domain: DOMAIN })),
      );
      await t.settle(); // prepared straight in the store
    }, 300_000);
    afterAll(async () => t?.close());

    it(`given ${DOSSIERS} passed dossiers and ${EXPERTS} experts, when the plan call answers, then every expert's list already holds all his dossiers`, async () => {
      t.clock.set('2026-04-15T02:00:00.000Z');
      const planned = await admin.post(`/api/v1/selections/${SELECTION}/assignments`).send({ seed: 'lists' }).expect(201);
      const assignments = planned.body.assignments as { dossierId: string; expertId: string }[];
      expect(assignments).toHaveLength(DOSSIERS * PER_DOSSIER);

      // Read at once, with no command in between whose own wait would let the projector catch up.
      const lists = await Promise.all(experts.map(({ client }) => client.get('/api/v1/me/assignments').expect(200)));
      for (const [i, { expertId }] of experts.entries()) {
        const expected = assignments.filter((assignment) => assignment.expertId === expertId).map((assignment) => assignment.dossierId).sort();
        expect((lists[i].body as { dossierId: string }[]).map((item) => item.dossierId).sort()).toEqual(expected);
      }
    });
  });
}
