/**
 * What an applicant does in the portal beyond drafting and submitting: name experts to keep away from
 * a searchable list (name and organisation only; an id nobody has is refused, also over the API),
 * remove an attachment while the dossier is editable, and withdraw with a reason after a confirmation.
 */
import request from 'supertest';
import { startTestApp } from '../support/test-app';
import type { AuthenticatedClient, TestApp } from '../support/test-app';
import { registerExperts, seedProgramme, validCreditCode } from '../walkthrough/walk-selection';

type Agent = ReturnType<typeof request.agent>;
const tokenFrom = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

describe('the applicant actions in the portal', () => {
  let t: TestApp;
  let portal: Agent;
  let owner: AuthenticatedClient;
  let expertIds: string[];
  const selectionId = 'demo-scenario-2026';
  const seed = seedProgramme('demo-scenario');
  const fields = Object.fromEntries(seed.fields.map((field) => [`field_${field.code}`, `${field.code} 的内容`]));

  beforeAll(async () => {
    t = await startTestApp('pglite');
    const admin = await t.asAdmin();
    await registerExperts(t, 2, 5300);
    // By name, 专家0 first: the list's own order is not what this spec is about.
    const listed = (await admin.get('/api/v1/experts').expect(200)).body;
    expertIds = ((listed.items ?? listed) as { expertId: string; name: string }[])
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((expert) => expert.expertId);
    await admin.post('/api/v1/selections').send({ programme: 'demo-scenario', year: 2026, submissionDeadlineDate: '2026-03-31', overrides: { quotas: { scenario: 1 } } }).expect(201);
    await t.http.post('/api/v1/organisations').send({ creditCode: validCreditCode(5400), name: '湖南操作测试有限公司', contactName: '联系人', contactPhone: '0731-88887777', username: 'actions-org', password: 'actions-org-password' }).expect(201);
    owner = await t.as('actions-org', 'actions-org-password');
    portal = request.agent(t.app.getHttpServer());
    const login = await portal.get('/login').expect(200);
    await portal.post('/login').type('form').send({ _csrf: tokenFrom(login.text), username: 'actions-org', password: 'actions-org-password' }).expect(303);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('names experts to exclude by name and organisation; a made-up id is refused in the API and the portal', async () => {
    const form = await portal.get(`/applicant/selections/${selectionId}/new`).expect(200);
    expect(form.text).toContain('专家0(湖南大学0)');
    expect(form.text).toContain('id="expert-search"');
    const drafted = await portal
      .post(`/applicant/selections/${selectionId}/new`)
      .type('form')
      .send({ _csrf: tokenFrom(form.text), title: '回避测试项目', tier: 'scenario', declaredInvestmentYuan: '1000000', ...fields, excludedExpertIds: expertIds[0] })
      .expect(303);
    const dossierId = decodeURIComponent(drafted.headers.location.split('/').pop()!);
    expect((await owner.get(`/api/v1/dossiers/${dossierId}`).expect(200)).body.excludedExpertIds).toEqual([expertIds[0]]);
    const shown = await portal.get(`/applicant/dossiers/${dossierId}`).expect(200);
    expect(shown.text).toContain('<dt>申请回避的专家</dt><dd>专家0(湖南大学0)</dd>');
    expect(shown.text).toContain('<dt>申报投资额</dt><dd>1,000,000.00 元</dd>');

    const madeUp = await owner.patch(`/api/v1/dossiers/${dossierId}`).send({ excludedExpertIds: ['expert-nobody'] }).expect(400);
    expect(madeUp.body.details).toMatchObject({ code: 'unknown-expert', unknown: ['expert-nobody'] });
    expect(madeUp.body.message).toBe('名单中有系统里不存在的专家。请从可选专家列表中选择。');
    await owner.post(`/api/v1/selections/${selectionId}/dossiers`).send({ title: '另一个', tier: 'scenario', fields: {}, declaredInvestmentFen: 100, excludedExpertIds: ['expert-nobody'] }).expect(400);

    const edit = await portal.get(`/applicant/dossiers/${dossierId}/edit`).expect(200);
    expect(edit.text).toMatch(new RegExp(`value="${expertIds[0]}" checked`));
    const forged = await portal
      .post(`/applicant/dossiers/${dossierId}/edit`)
      .type('form')
      .send({ _csrf: tokenFrom(edit.text), title: '回避测试项目', tier: 'scenario', declaredInvestmentYuan: '1000000', ...fields, excludedExpertIds: ['expert-nobody'] })
      .expect(409);
    expect(forged.text).toContain('名单中有系统里不存在的专家');
    await portal
      .post(`/applicant/dossiers/${dossierId}/edit`)
      .type('form')
      .send({ _csrf: tokenFrom(edit.text), title: '回避测试项目', tier: 'scenario', declaredInvestmentYuan: '1000000', ...fields, excludedExpertIds: expertIds })
      .expect(200);
    expect((await owner.get(`/api/v1/dossiers/${dossierId}`).expect(200)).body.excludedExpertIds.sort()).toEqual([...expertIds].sort());
  });

  it('removes an attachment while editable, then withdraws with a reason after the confirmation page', async () => {
    const drafted = await owner.post(`/api/v1/selections/${selectionId}/dossiers`).send({ title: '撤回测试项目', tier: 'scenario', fields: {}, declaredInvestmentFen: 100_000_000 }).expect(201);
    const dossierId = drafted.body.id as string;
    const added = await owner.post(`/api/v1/dossiers/${dossierId}/attachments`).field('kind', 'application-form').attach('file', pdf('remove-me'), { filename: '申报书.pdf', contentType: 'application/pdf' }).expect(201);
    const page = await portal.get(`/applicant/dossiers/${dossierId}`).expect(200);
    expect(page.text).toContain('申报书.pdf');
    expect(page.text).toMatch(/申报书\.pdf<\/a>[(\uff08]\d+ 字节[)\uff09]/);
    const removeAction = `/applicant/dossiers/${dossierId}/attachments/${added.body.id}/remove`;
    expect(page.text).toContain(`action="${removeAction}"`);
    const removed = await portal.post(removeAction).type('form').send({ _csrf: tokenFrom(page.text) }).expect(303);
    expect(removed.headers.location).toBe(`/applicant/dossiers/${dossierId}?removed=1`);
    expect((await portal.get(removed.headers.location).expect(200)).text).toContain('附件已删除');
    expect((await owner.get(`/api/v1/dossiers/${dossierId}`).expect(200)).body.attachments).toEqual([]);

    expect(page.text).toContain('撤回申报');
    const noReason = await portal.post(`/applicant/dossiers/${dossierId}/withdraw`).type('form').send({ _csrf: tokenFrom(page.text), reason: ' ' }).expect(400);
    expect(noReason.text).toContain('请填写撤回理由');
    const preview = await portal.post(`/applicant/dossiers/${dossierId}/withdraw`).type('form').send({ _csrf: tokenFrom(page.text), reason: '项目调整,本年度不再申报' }).expect(200);
    expect(preview.text).toContain('确认撤回申报');
    expect(preview.text).toContain('撤回后不能恢复');
    expect((await owner.get(`/api/v1/dossiers/${dossierId}`).expect(200)).body.status).toBe('draft');
    const done = await portal.post(`/applicant/dossiers/${dossierId}/withdraw`).type('form').send({ _csrf: tokenFrom(preview.text), reason: '项目调整,本年度不再申报', confirmed: 'yes' }).expect(200);
    expect(done.text).toContain('申报已撤回');
    expect((await owner.get(`/api/v1/dossiers/${dossierId}`).expect(200)).body.status).toBe('withdrawn');
  });
});
