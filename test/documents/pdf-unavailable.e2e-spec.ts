import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE_SCHEMA } from '@app/platform';
import { API_SCHEMAS } from '../../apps/api/src/create-app';
import { startAppOn } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-databases';

/** Where the server has no Chromium, a PDF download answers 503 in Chinese, naming what is missing. */
describe('PDF downloads on a server without Chromium', () => {
  let database: TestDatabase;
  let t: TestApp;
  // A file that exists but is no executable (mode 644): the lookup must not fall back to PATH.
  const notChromium = join(mkdtempSync(join(tmpdir(), 'no-chromium-')), 'chromium');
  writeFileSync(notChromium, 'not a browser', { mode: 0o644 });
  beforeAll(async () => {
    database = await createTestDatabase('pglite', [EVENT_STORE_SCHEMA, ...API_SCHEMAS]);
    t = await startAppOn(database.url, { CHROMIUM_PATH: notChromium }, '2026-03-02T01:00:00.000Z');
    const admin = await t.asAdmin();
    await admin.post('/api/v1/selections').send({ programme: 'demo-scenario', year: 2026, submissionDeadlineDate: '2026-03-31', overrides: { quotas: { scenario: 1 } } }).expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it.each(['/api/v1/selections/demo-scenario-2026/annex?format=pdf', '/api/v1/selections/demo-scenario-2026/awards?format=pdf'])(
    'GET %s answers 503 naming Chromium and how to install it',
    async (url) => {
      const response = await t.http.get(url).expect(503);
      expect(response.body.message).toContain('服务器暂时无法生成 PDF');
      expect(response.body.message).toContain(`CHROMIUM_PATH 指向的 ${notChromium} 不是可执行的 Chromium`);
      expect(response.body.message).toContain('apt-get install chromium fonts-noto-cjk');
    },
  );

  it('GET /future-scenarios/{year}/annex?format=pdf answers 503 the same way', async () => {
    const admin = await t.asAdmin();
    await admin.post('/api/v1/future-scenarios/2026').send({ scenarios: [{ title: '未来场景', description: '描述。' }] }).expect(201);
    const response = await t.http.get('/api/v1/future-scenarios/2026/annex?format=pdf').expect(503);
    expect(response.body.message).toContain('CHROMIUM_PATH 指向的');
    await t.http.get('/api/v1/future-scenarios/2026/annex?format=txt').expect(200);
  });

  it('still answers the other formats, and 404 for an unknown selection before anything else', async () => {
    await t.http.get('/api/v1/selections/no-such-selection/annex?format=pdf').expect(404);
    const wrong = await t.http.get('/api/v1/selections/demo-scenario-2026/annex?format=rtf').expect(400);
    expect(JSON.stringify(wrong.body)).toContain('pdf');
  });
});
