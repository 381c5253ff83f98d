import { behaviourDatabaseKinds } from '../support/test-databases';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';

for (const kind of behaviourDatabaseKinds()) {
  describe(`selections over HTTP on ${kind}`, () => {
    let t: TestApp;
    let admin: AuthenticatedClient;

    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await t.asAdmin();
    });
    afterAll(async () => t?.close());

    it('an admin opens a call; anyone reads it with its rules, phase and ETag', async () => {
      const opened = await admin
        .post('/api/v1/selections')
        .send({ programme: 'demo-scenario', year: 2026, submissionDeadlineDate: '2026-03-31' })
        .expect(201);
      expect(opened.body).toMatchObject({ id: 'demo-scenario-2026', revision: '0' });
      expect(opened.headers.location).toBe('/api/v1/selections/demo-scenario-2026');
      expect(opened.headers.etag).toBe('"0"');

      const read = await t.http.get('/api/v1/selections/demo-scenario-2026').expect(200);
      expect(read.headers.etag).toBe('"0"');
      expect(read.body).toMatchObject({ id: 'demo-scenario-2026', programme: 'demo-scenario', year: 2026, phase: 'open', submissionDeadlineDate: '2026-03-31' });
      expect(read.body.rules.award).toMatchObject({ kind: 'money', rateBasisPoints: 2000, capFen: 200_000_000 });

      const list = await t.http.get('/api/v1/selections').expect(200);
      expect(list.body.map((selection: { id: string }) => selection.id)).toContain('demo-scenario-2026');
    });

    it('opening the same call twice is a 409 with the domain reason', async () => {
      await admin.post('/api/v1/selections').send({ programme: 'dataset', year: 2026, submissionDeadlineDate: '2026-03-31', overrides: { quotas: { dataset: 8 } } }).expect(201);
      const again = await admin.post('/api/v1/selections').send({ programme: 'dataset', year: 2026, submissionDeadlineDate: '2026-03-31', overrides: { quotas: { dataset: 8 } } }).expect(409);
      expect(again.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
      expect(typeof again.body.message).toBe('string');
      expect(again.body.details.code).toBeDefined();
    });

    it('bad input is a 400 naming each field', async () => {
      const response = await admin.post('/api/v1/selections').send({ programme: 'lottery', year: 'next', unknownField: 1 }).expect(400);
      const fields = response.body.details.map((problem: { field: string }) => problem.field);
      expect(fields).toEqual(expect.arrayContaining(['programme', 'year', 'submissionDeadlineDate', 'unknownField']));
      expect(response.body.error).toBe('Bad Request');
    });

    it('malformed JSON is a 400, never a 500', async () => {
      const response = await admin.post('/api/v1/selections').set('Content-Type', 'application/json').send('{"programme": ').expect(400);
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'the request body is not valid JSON' });
    });

    it('without a token it is 401; an unknown selection is 404', async () => {
      await t.http.post('/api/v1/selections').send({ programme: 'dataset', year: 2027, submissionDeadlineDate: '2027-03-31' }).expect(401);
      const missing = await t.http.get('/api/v1/selections/no-such-2026').expect(404);
      expect(missing.body.details.reason).toContain('no-such-2026');
    });

    it('a stale If-Match is 412 and the stream is unchanged; a current one goes through', async () => {
      await admin.post('/api/v1/selections').send({ programme: 'vertical-model', year: 2026, submissionDeadlineDate: '2026-03-31', overrides: { quotas: { model: 5 } } }).expect(201);
      t.clock.set('2026-04-01T01:00:00.000Z');
      const stale = await admin.post('/api/v1/selections/vertical-model-2026/close-submissions').set('If-Match', '"7"').expect(412);
      expect(stale.body.message).toMatch(/changed since you loaded it/);
      expect(await t.store.streamRevision('selection-vertical-model-2026')).toBe(0n);
      const closed = await admin.post('/api/v1/selections/vertical-model-2026/close-submissions').set('If-Match', '"0"').expect(200);
      expect(closed.body.revision).toBe('1');
      const read = await t.http.get('/api/v1/selections/vertical-model-2026').expect(200);
      expect(read.body.phase).toBe('formal-review');
    });
  });
}
