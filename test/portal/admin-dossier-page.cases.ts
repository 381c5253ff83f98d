/**
 * The administrator's dossier page over HTTP: after a whole selection (walkSelection) it shows the
 * organisation and its contact, every field, the attachments with size and hash, the formal-review
 * history, the experts with scores and comments, the objection and the award; every desk list that
 * names a dossier links to it; other roles and unknown dossiers get words, not data.
 */
import request from 'supertest';
import { ADMIN, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { registerExperts, walkSelection } from '../walkthrough/walk-selection';

type Agent = ReturnType<typeof request.agent>;

async function signedIn(t: TestApp, username: string, password: string): Promise<Agent> {
  const agent = request.agent(t.app.getHttpServer());
  const login = await agent.get('/login').expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(login.text)?.[1] ?? '';
  await agent.post('/login').type('form').send({ _csrf: csrf, username, password }).expect(303);
  return agent;
}

describe('the administrator dossier page', () => {
  let t: TestApp;
  let selectionId: string;

  beforeAll(async () => {
    t = await startTestApp('pglite');
    const experts = await registerExperts(t, 6, 6100);
    selectionId = (await walkSelection(t, experts, 'innovative-product', 2026, 6200)).selectionId;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('is linked from the desk for every dossier, and shows the whole dossier once review has closed', async () => {
    const admin = await signedIn(t, ADMIN.username, ADMIN.password);
    const desk = await admin.get(`/admin/selections/${selectionId}`).expect(200);
    const links = [...new Set([...desk.text.matchAll(/href="(\/admin\/dossiers\/[^"]+)"/g)].map((match) => match[1]))];
    const dossiers = (await (await t.asAdmin()).get(`/api/v1/selections/${selectionId}/dossiers`).expect(200)).body;
    const ids: string[] = (dossiers.items ?? dossiers.dossiers ?? dossiers).map((dossier: { id?: string; dossierId?: string }) => dossier.dossierId ?? dossier.id);
    expect(links.sort()).toEqual(ids.map((id) => `/admin/dossiers/${id}`).sort());

    const api = await (await t.asAdmin()).get(`/api/v1/dossiers/${ids[0]}`).expect(200);
    const page = await admin.get(links.find((link) => link.endsWith(ids[0]))!).expect(200);
    expect(page.text).toContain('湖南测试innovative-product');
    expect(page.text).toContain('0731-8888000');
    expect(page.text).toMatch(/申报投资额<\/dt><dd>\d{1,3}(,\d{3})*\.\d{2} 元/);
    for (const attachment of api.body.attachments as { attachmentId: string; sha256: string }[]) {
      expect(page.text).toContain(`/api/v1/dossiers/${ids[0]}/attachments/${attachment.attachmentId}`);
      expect(page.text).toContain(attachment.sha256);
    }
    expect(page.text).toMatch(/<td class="nowrap">\d+ 字节<\/td>/);
    expect(page.text).toContain('形式审查通过');
    expect(page.text).toContain('材料完整,技术先进。');
    expect(page.text).toContain('加权总分');
    expect(page.text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    expect(page.text.replace(/<[^>]*>/g, '')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const objected = await Promise.all(links.map((link) => admin.get(link)));
    expect(objected.some((response) => response.text.includes('经核实,异议成立。') && response.text.includes('受理编号'))).toBe(true);
    expect(objected.some((response) => /实际奖补<\/dt><dd>[\d,]+\.\d{2} 元/.test(response.text))).toBe(true);
  });

  it('lists the published awards with their amounts and the downloads on the notice page, with no objection form', async () => {
    const notice = await t.http.get(`/selections/${selectionId}/notice`).expect(200);
    expect(notice.text).toContain('<h2 id="awards-heading">公布名单</h2>');
    expect(notice.text).toMatch(/<td class="nowrap">[\d,]+\.\d{2} 元<\/td>/);
    expect(notice.text).toContain(`/api/v1/selections/${selectionId}/annex?format`);
    expect(notice.text).toContain(">DOCX 文档</a>");
    expect(notice.text).not.toContain('name="reason"');
  });

  it('answers another role with words and an unknown dossier with a Chinese 404', async () => {
    const admin = await signedIn(t, ADMIN.username, ADMIN.password);
    const missing = await admin.get('/admin/dossiers/no-such-dossier').expect(404);
    expect(missing.text).toContain('没有找到该申报材料');
    const anonymous = await t.http.get('/admin/dossiers/no-such-dossier').expect(303);
    expect(anonymous.headers.location).toBe('/login?next=%2Fadmin%2Fdossiers%2Fno-such-dossier');
    const applicant = await signedIn(t, 'innovative-product-2026-org0', 'innovative-product-2026-org0-password');
    await applicant.get('/admin/dossiers/no-such-dossier').expect(403);
  });
});
