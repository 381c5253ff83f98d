import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { EVENT_STORE_SCHEMA, SettableClock, loadAppConfig } from '@app/platform';
import { ProjectionRunner } from '@app/read-models';
import { API_SCHEMAS, createApp } from '../../apps/api/src/create-app';
import { selectionSummaryOf } from '../../apps/api/src/selections/read-selections/selection.response.dto';
import { StreamDirectory } from '../../apps/api/src/workflow/stream-directory';
import { createTestDatabase, testDatabaseKinds } from '../support/test-databases';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';

for (const kind of testDatabaseKinds()) {
  describe(`read models behind the API on ${kind}`, () => {
    let t: TestApp;
    let admin: AuthenticatedClient;

    beforeAll(async () => {
      t = await startTestApp(kind, '2026-03-02T01:00:00.000Z');
      admin = await t.asAdmin();
    });
    afterAll(async () => t?.close());

    it('lists a call the moment its POST has answered, and each phase change with it', async () => {
      await admin.post('/api/v1/selections').send({ programme: 'demo-scenario', year: 2026, submissionDeadlineDate: '2026-03-31' }).expect(201);
      const listed = await t.http.get('/api/v1/selections').expect(200);
      expect(listed.body).toEqual([expect.objectContaining({ id: 'demo-scenario-2026', phase: 'open' })]);

      await admin.post('/api/v1/selections').send({ programme: 'dataset', year: 2026, submissionDeadlineDate: '2026-03-31', overrides: { quotas: { dataset: 8 } } }).expect(201);
      t.clock.set('2026-04-01T01:00:00.000Z');
      await admin.post('/api/v1/selections/demo-scenario-2026/close-submissions').expect(200);
      const advanced = await t.http.get('/api/v1/selections').expect(200);
      expect(advanced.body.map((selection: { id: string; phase: string }) => [selection.id, selection.phase])).toEqual([
        ['dataset-2026', 'open'],
        ['demo-scenario-2026', 'formal-review'],
      ]);
    });

    it('serves the list exactly as folding the streams would', async () => {
      const folded = (await t.app.get(StreamDirectory).selections())
        .map(selectionSummaryOf)
        .sort((a, b) => b.year - a.year || a.programme.localeCompare(b.programme) || (a.batch ?? 0) - (b.batch ?? 0));
      const listed = await t.http.get('/api/v1/selections').expect(200);
      expect(listed.body).toEqual(folded);
    });
  });

  describe(`PROJECTOR=external on ${kind}`, () => {
    it('does not start the in-process projector, and commands still answer', async () => {
      const database = await createTestDatabase(kind, [EVENT_STORE_SCHEMA, ...API_SCHEMAS]);
      const dataDir = mkdtempSync(join(tmpdir(), 'ai-plus-e2e-'));
      const config = loadAppConfig({
        DATA_DIR: dataDir,
        JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
        ADMIN_USERNAME: 'admin',
        ADMIN_PASSWORD: 'admin-password-for-tests',
        PROJECTOR: 'external',
      });
      const clock = new SettableClock('2026-03-02T01:00:00.000Z');
      const app = await createApp({ config, clock, database: { url: database.url, kind: 'server', close: async () => undefined } }, false);
      try {
        await app.init();
        expect(app.get(ProjectionRunner).running).toBe(false);
        const http = request(app.getHttpServer());
        const login = await http.post('/api/v1/auth/login').send({ username: 'admin', password: 'admin-password-for-tests' }).expect(200);
        await http
          .post('/api/v1/selections')
          .set('Authorization', `Bearer ${login.body.accessToken as string}`)
          .send({ programme: 'demo-scenario', year: 2026, submissionDeadlineDate: '2026-03-31' })
          .expect(201);
        // Nobody projects here: the list stays empty until an external projector runs.
        expect((await http.get('/api/v1/selections').expect(200)).body).toEqual([]);
      } finally {
        await app.close();
        await database.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
