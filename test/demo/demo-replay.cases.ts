import { annexBlock, readReferencePlan } from '@app/documents/testing/reference-plan.test-support';
import { runDemo, DemoResult } from '../../apps/api/src/commands/demo/run-demo';
import { ADMIN, startTestApp, TestApp } from '../support/test-app';

// The code `npm run demo` runs, over HTTP against the real app on PGlite. What is compared is what
// render-annex.spec.ts compares: for annex N, the reference lines from "  附件N" to the line before
// "  附件N+1", trailing blank lines removed, each ended by "\n" — here against the annex the API
// serves after the replay, not against the seed files.
describe('npm run demo: the 2025 replay reproduces the published annexes', () => {
  let t: TestApp;
  let result: DemoResult;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await startTestApp('pglite', '2025-03-03T01:00:00.000Z');
    result = await runDemo({
      baseUrl: t.baseUrl,
      admin: ADMIN,
      clock: t.clock,
      seedsDir: 'seeds',
      log: (line) => lines.push(line),
      formats: ['txt'],
    });
  }, 300_000);
  afterAll(async () => t?.close());

  it.each([1, 2, 3, 4] as const)('附件%i as served after the replay equals the reference text, character for character', (annexNumber) => {
    expect(result.annexText[annexNumber]).toBe(annexBlock(readReferencePlan(), annexNumber));
  });

  it('prints a progress line per step and labels the made-up data as synthetic', () => {
    expect(lines.length).toBeGreaterThanOrEqual(15);
    expect(lines.join('\n')).toMatch(/SYNTHETIC expert scores, chosen so the ranking reproduces the published order/);
    expect(lines.join('\n')).toMatch(/SYNTHETIC credit codes/);
  });

  it('serves 附件3 in html and docx too, and answers 404 for a year with no list', async () => {
    const html = await t.http.get('/api/v1/future-scenarios/2025/annex?format=html').expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('人工智能驱动的基础研究新范式');
    const docx = await t.http.get('/api/v1/future-scenarios/2025/annex?format=docx').buffer(true).expect(200);
    expect(docx.headers['content-disposition']).toBe('attachment; filename="annex-3-future-scenarios.docx"');
    await t.http.get('/api/v1/future-scenarios/2030').expect(404);
    await t.http.get('/api/v1/future-scenarios/2025/annex?format=rtf').expect(400); // pdf: test/documents/annex-pdf-endpoint.browser-spec.ts
  });

  it('left an audit trail: 附件3 is a versioned stream of its own, publishing again appends version 2', async () => {
    const admin = await t.asAdmin();
    const current = await t.http.get('/api/v1/future-scenarios/2025').expect(200);
    expect(current.body).toMatchObject({ year: 2025, version: 1 });
    const scenarios = current.body.scenarios.slice(0, 9);
    await admin.post('/api/v1/future-scenarios/2025').send({ scenarios }).expect(201);
    const again = await t.http.get('/api/v1/future-scenarios/2025').expect(200);
    expect(again.body).toMatchObject({ version: 2, scenarios });
    const events = await admin.get('/api/v1/streams/future-scenarios-2025/events').expect(200);
    expect(JSON.stringify(events.body)).toContain('FutureScenariosPublished');
    const trail = await t.store.readStream('future-scenarios-2025');
    expect(trail.map((event) => [event.type, (event.data as { version: number }).version, event.metadata.actor])).toEqual([
      ['FutureScenariosPublished', 1, expect.anything()],
      ['FutureScenariosPublished', 2, expect.anything()],
    ]);
  });
});
