/**
 * The public notice page over HTTP: the office and phone that take objections (from the call), no
 * objection form before or after the window, a receipt number
 * to quote once an objection is filed, evidence files with it (refused ones said in Chinese, seen and
 * downloaded by the admin), one objection per person and dossier (in Chinese), and the
 * published list with its amounts and downloads once the awards are published.
 */
import { createHash } from 'node:crypto';
import request from 'supertest';
import { startTestApp } from '../support/test-app';
import type { AuthenticatedClient, TestApp } from '../support/test-app';
import { ApplicantPlan, createPreparer, creditCode } from '../notice/prepare-review-closed';

const EXPERTS = ['e1', 'e2', 'e3', 'e4', 'e5'];
const scenario = (key: string, organisation: number, target: number): ApplicantPlan => ({
  dossierId: `np-${key}`,
  organisation,
  tier: 'scenario',
  title: `公示页项目${key}`,
  approvedFen: 500_000_000,
  target,
  fields: { sceneName: `场景${key}`, domain: 'AI+交通', description: '描述', demonstration: '示范', promotionValue: '推广' },
});
const PDF = Buffer.from('%PDF-1.4\n% 现场核查记录\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const tokenFrom = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('the public notice page', () => {
  let t: TestApp;
  let admin: AuthenticatedClient;
  let selectionId: string;
  const page = () => `/selections/${selectionId}/notice`;

  beforeAll(async () => {
    t = await startTestApp('pglite', '2026-08-01T01:00:00.000Z');
    admin = await t.asAdmin();
    for (const n of [301, 302]) {
      await t.http.post('/api/v1/organisations').send({ creditCode: creditCode(n), name: `湖南公示页${n}有限公司`, contactName: '李明', contactPhone: '13800000000', username: `np${n}`, password: 'np-password-123' }).expect(201);
    }
    const prepare = createPreparer(t);
    await prepare.registerExperts(EXPERTS, ['AI+交通'], '2026-08-01T01:00:00.000Z');
    selectionId = await prepare.toReviewClosed(
      {
        programme: 'demo-scenario',
        year: 2026,
        quotas: { scenario: 1 },
        overrides: { noticeContact: { office: '湖南省工业和信息化厅科技与信息化处', phone: '0731-88888888' } },
        applicants: [scenario('a', 301, 90), scenario('b', 302, 80)],
        at: { open: '2026-08-03T01:00:00.000Z', deadlineDate: '2026-08-20', draft: '2026-08-05T02:00:00.000Z', closeSubmissions: '2026-08-21T01:00:00.000Z', formalReview: '2026-08-24T02:00:00.000Z', review: '2026-08-26T02:00:00.000Z', closeReview: '2026-08-28T02:00:00.000Z' },
      },
      admin,
      EXPERTS,
    );
    await admin.post(`/api/v1/selections/${selectionId}/public-notice`).send({ startsOn: '2026-09-01' }).expect(201);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('shows no form before the window, takes one objection per person with a receipt during it, and none after', async () => {
    t.clock.set('2026-08-31T02:00:00.000Z');
    const early = await t.http.get(page()).expect(200);
    expect(early.text).not.toContain('name="reason"');
    expect(early.text).toContain('公示尚未开始。2026年9月1日起可在本页提出异议。');

    t.clock.set('2026-09-02T02:00:00.000Z');
    const agent = request.agent(t.app.getHttpServer());
    const open = await agent.get(page()).expect(200);
    expect(open.text).toContain('每人对同一项目只能提出一次异议');
    expect(open.text).toContain('异议受理部门:<strong>湖南省工业和信息化厅科技与信息化处</strong>,联系电话:<strong>0731-88888888</strong>');
    const objection = { dossierId: 'np-a', name: '张伟', contact: '13912345678', reason: '申报的投资额与实际不符。' };
    const filed = await agent.post(`${page()}/objections`).type('form').send({ _csrf: tokenFrom(open.text), ...objection }).expect(200);
    const receipt = /受理编号:<strong><code>([^<]+)<\/code>/.exec(filed.text)?.[1];
    const listed = (await admin.get(`/api/v1/selections/${selectionId}/objections`).expect(200)).body;
    expect(JSON.stringify(listed)).toContain(receipt);

    const again = await agent.post(`${page()}/objections`).type('form').send({ _csrf: tokenFrom(filed.text), ...objection, contact: '139 1234 5678', reason: '再提一次异议。' }).expect(409);
    expect(again.text).toContain('您已对该项目提出过异议,每人对同一项目只能提出一次');

    // With evidence: the form is multipart; a refused file is said beside the file field, an upload
    // over the limit brings the page back with the reason, a filed one is counted on the receipt.
    const form = open.text;
    expect(form).toContain('enctype="multipart/form-data"');
    expect(form).toContain('证明材料(选填,最多 5 个,PDF 或 PNG、JPEG 图片,每个不超过 10 MB)');
    const withFields = () =>
      agent.post(`${page()}/objections`).field('_csrf', tokenFrom(form)).field('dossierId', 'np-a').field('name', '王芳').field('contact', 'wangfang@example.cn').field('reason', '项目现场与申报材料不符。');
    const wrongType = await withFields().attach('evidence', Buffer.from('文字说明'), { filename: '说明.txt', contentType: 'text/plain' }).expect(400);
    expect(wrongType.text).toContain('<p class="error" id="evidence-error">证明材料只接受 PDF、PNG、JPEG 格式的文件。请转换格式后重新提交。</p>');
    expect(wrongType.text).toContain('项目现场与申报材料不符。');
    const tooLarge = await withFields().attach('evidence', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), { filename: '很大.pdf', contentType: 'application/pdf' }).expect(303);
    expect(tooLarge.headers.location).toBe(`${page()}?upload=too-large`);
    expect((await agent.get(tooLarge.headers.location).expect(200)).text).toContain('单个证明材料不能超过 10 MB。请压缩或拆分后重新填写并提交。');
    const withEvidence = await withFields().attach('evidence', PDF, { filename: '现场核查记录.pdf', contentType: 'application/pdf' }).expect(200);
    expect(withEvidence.text).toContain('已收到证明材料 1 份。');
    const evidenceReceipt = /受理编号:<strong><code>([^<]+)<\/code>/.exec(withEvidence.text)?.[1];

    // The admin sees the file on the dossier page and on the desk, and downloads it.
    const href = `/api/v1/selections/${selectionId}/objections/${evidenceReceipt}/evidence/${createHash('sha256').update(PDF).digest('hex')}`;
    for (const adminPage of [`/admin/dossiers/np-a`, `/admin/selections/${selectionId}`]) {
      const html = (await admin.get(adminPage).expect(200)).text;
      expect([adminPage, html.includes(`<a href="${href}">现场核查记录.pdf</a>`)]).toEqual([adminPage, true]);
      expect(html).toContain('未附证明材料。');
    }
    const bytes = await admin.get(href).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(Buffer.compare(bytes.body as Buffer, PDF)).toBe(0);

    t.clock.set('2026-09-20T02:00:00.000Z');
    const late = await t.http.get(page()).expect(200);
    expect(late.text).not.toContain('name="reason"');
    expect(late.text).toContain('公示期已结束,不再受理异议。');
  });
});
