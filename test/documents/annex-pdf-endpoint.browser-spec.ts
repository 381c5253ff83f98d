import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { binary } from '../exports/spreadsheet-download';
import { describeInBrowser } from '../support/browser-requirements';
import { startTestApp, TestApp } from '../support/test-app';
import { registerExperts, walkSelection, WalkResult } from '../walkthrough/walk-selection';

const ARTIFACTS = join(process.cwd(), 'test/artifacts');
const hanOf = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).join('');

/** The characters of `wanted` that `text` lacks, counted (a table cell wraps, so order is not kept). */
function lacking(text: string, wanted: string): string[] {
  const counts = new Map<string, number>();
  for (const character of text.replace(/\s+/g, '')) counts.set(character, (counts.get(character) ?? 0) + 1);
  return [...wanted.replace(/\s+/g, '')].filter((character) => {
    const left = counts.get(character) ?? 0;
    counts.set(character, left - 1);
    return left <= 0;
  });
}

/** pdftotext's reading of a PDF, written to test/artifacts/<name>.pdf for a person to look at. */
function readBack(pdf: Buffer, name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

describeInBrowser('PDF from the API, printed by headless Chromium from the same HTML', { chromium: true, cjkFont: true, poppler: true }, () => {
  let t: TestApp;
  let walked: WalkResult;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    const experts = await registerExperts(t, 6, 9000);
    walked = await walkSelection(t, experts, 'demo-scenario', 2026, 1000);
  });
  afterAll(async () => t?.close());

  it('GET …/annex?format=pdf is a PDF whose text pdftotext reads back as the TXT annex says it', async () => {
    const response = await binary(t.http.get(`/api/v1/selections/${walked.selectionId}/annex?format=pdf`)).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/\.pdf"$/);
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = readBack(pdf, 'api-annex-demo-scenario-2026');
    // Every Han character of the published text, in order (the award list's table may repeat its head).
    expect(hanOf(text)).toContain(hanOf(walked.annexTxt).slice(0, 40));
    expect(lacking(text, hanOf(walked.annexTxt))).toEqual([]);
  });

  it('GET …/awards?format=pdf is the award list document as PDF, with its organisations and amounts', async () => {
    const json = (await t.http.get(`/api/v1/selections/${walked.selectionId}/awards`).expect(200)).body as { awards: { organisation: string; paidYuan: string }[] };
    const response = await binary(t.http.get(`/api/v1/selections/${walked.selectionId}/awards?format=pdf`)).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = readBack(response.body as Buffer, 'api-award-list-demo-scenario-2026').replace(/\s+/g, '');
    for (const line of json.awards) {
      expect(lacking(text, line.organisation)).toEqual([]);
      expect(text).toContain(line.paidYuan.replace(/\s+/g, ''));
    }
  });
  it('an expert\'s 专家评分表 as PDF reads back with his name, the declaration and the signature line', async () => {
    const admin = await t.asAdmin();
    const experts = ((await admin.get('/api/v1/experts').expect(200)).body as { expertId: string; name: string }[]).map((expert) => ({ id: expert.expertId, name: expert.name }));
    const response = await binary(admin.get(`/api/v1/selections/${walked.selectionId}/score-sheets/${experts[0].id}?format=pdf`)).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = readBack(response.body as Buffer, 'api-score-sheet-demo-scenario-2026').replace(/\s+/g, '');
    expect(text).toContain('专家评分表');
    expect(text).toContain(`评审专家:${experts[0].name}`);
    expect(text).toContain('保密与回避承诺');
    expect(text).toContain('评审专家(签字)');
  });
  it('GET /future-scenarios/{year}/annex?format=pdf prints 附件3 as well', async () => {
    const admin = await t.asAdmin();
    await admin
      .post('/api/v1/future-scenarios/2026')
      .send({ scenarios: [{ title: '人工智能驱动的基础研究新范式', description: '围绕脑科学、量子科技等前沿领域开展研究。' }] })
      .expect(201);
    const response = await binary(t.http.get('/api/v1/future-scenarios/2026/annex?format=pdf')).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = readBack(response.body as Buffer, 'api-annex-3-future-scenarios-2026').replace(/\s+/g, '');
    expect(text).toContain('人工智能驱动的基础研究新范式');
    expect(lacking(text, '围绕脑科学、量子科技等前沿领域开展研究。')).toEqual([]);
  });
});
