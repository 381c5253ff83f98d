/**
 * The administrator's portal pages over HTTP (no browser): who may see them, the open-call form's rules
 * (a quota without a default must be given; only changed values become overrides), the expert pool's
 * refusals, and the audit page of each kind of stream.
 */
import request from 'supertest';
import { ADMIN } from '../support/test-app';
import { sharedTestApp } from '../support/shared-test-app';
import type { TestApp } from '../support/test-app';
import { validCreditCode } from '../walkthrough/walk-selection';

type Agent = ReturnType<typeof request.agent>;

/** A browser-like client: keeps cookies, reads the CSRF token from the page it posts from. */
async function signedIn(t: TestApp, username: string, password: string): Promise<{ agent: Agent; csrf: () => Promise<string> }> {
  const agent = request.agent(t.app.getHttpServer());
  const tokenFrom = (html: string) => /name="_csrf" value="([0-9a-f]+\.[0-9a-f]+)"/.exec(html)?.[1] ?? '';
  const login = await agent.get('/login').expect(200);
  await agent.post('/login').type('form').send({ _csrf: tokenFrom(login.text), username, password }).expect(303);
  return { agent, csrf: async () => tokenFrom((await agent.get('/login')).text) };
}

describe('the administrator portal pages', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await sharedTestApp();
  });

  it('send a visitor to sign in and refuse another role in words', async () => {
    for (const path of ['/admin/experts', '/admin/streams/selection-x']) {
      const anonymous = await t.http.get(path).expect(303);
      expect(anonymous.headers.location).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    const admin = await t.asAdmin();
    await admin
      .post('/api/v1/experts')
      .send({ name: '专家甲', organisationName: '中南大学', organisationCreditCode: validCreditCode(8800), fields: ['人工智能'], username: 'pages-expert', password: 'pages-expert-password' })
      .expect(201);
    const { agent } = await signedIn(t, 'pages-expert', 'pages-expert-password');
    const refused = await agent.get('/admin/experts').expect(403);
    expect(refused.text).toContain('此页面仅供其他角色使用');
  });

  it('open a call only with the quotas the programme leaves open, recording just the changes', async () => {
    const { agent, csrf } = await signedIn(t, ADMIN.username, ADMIN.password);
    const page = await agent.get('/admin').expect(200);
    expect(page.text).toContain('高质量数据集名额(必填)');
    expect(page.text).toContain('name="quota_demo-scenario_scenario" inputmode="numeric" value="10"');
    const form = { programme: 'dataset', year: '2026', submissionDeadlineDate: '2026-03-31', 'rule_dataset_minimumScore': '60', 'rule_dataset_noticeWorkingDays': '7' };
    const missing = await agent.post('/admin/selections').type('form').send({ _csrf: await csrf(), ...form }).expect(400);
    expect(missing.text).toContain('请填写高质量数据集名额');
    // What was typed comes back in the fields.
    expect(missing.text).toContain('name="rule_dataset_noticeWorkingDays" inputmode="decimal" value="7"');
    const tooMany = await agent.post('/admin/selections').type('form').send({ _csrf: await csrf(), ...form, quota_dataset_dataset: '5', rule_dataset_noticeWorkingDays: '31' }).expect(400);
    expect(tooMany.text).toContain('公示期太大');
    const badPhone = await agent.post('/admin/selections').type('form').send({ _csrf: await csrf(), ...form, quota_dataset_dataset: '5', noticeOffice: '科技与信息化处', noticePhone: '打电话' }).expect(400);
    expect(badPhone.text).toContain('联系电话应为 7–20 位数字');
    const opened = await agent.post('/admin/selections').type('form').send({ _csrf: await csrf(), ...form, quota_dataset_dataset: '5', noticeOffice: '科技与信息化处', noticePhone: '0731-88888888' }).expect(303);
    expect(opened.headers.location).toBe('/admin/selections/dataset-2026?done=opened');
    const events = await (await t.asAdmin()).get('/api/v1/streams/selection-dataset-2026/events').expect(200);
    expect(events.body.events[0].data.overrides).toEqual({ quotas: { dataset: 5 }, noticeWorkingDays: 7, noticeContact: { office: '科技与信息化处', phone: '0731-88888888' } });
    const again = await agent.post('/admin/selections').type('form').send({ _csrf: await csrf(), ...form, quota_dataset_dataset: '5' }).expect(409);
    expect(again.text).toContain('该年度(批次)的评选已经开放过');
  });

  it('keep the expert pool: a taken username, a bad credit code and a forged form are refused in Chinese', async () => {
    const { agent, csrf } = await signedIn(t, ADMIN.username, ADMIN.password);
    const expert = { name: '专家乙', organisationName: '湖南大学', organisationCreditCode: validCreditCode(8801), fields: '人工智能、算力芯片', password: 'pages-expert2-password' };
    const taken = await agent.post('/admin/experts').type('form').send({ _csrf: await csrf(), ...expert, username: 'pages-expert' }).expect(409);
    expect(taken.text).toContain('该用户名已被使用');
    expect(taken.text).not.toContain('pages-expert2-password');
    const badCode = await agent.post('/admin/experts').type('form').send({ _csrf: await csrf(), ...expert, organisationCreditCode: '91430100MA4L16JQ0X', username: 'pages-expert2' }).expect(409);
    expect(badCode.text).toContain('统一社会信用代码不正确');
    const forged = await agent.post('/admin/experts').type('form').send({ ...expert, username: 'pages-expert2' }).expect(403);
    expect(forged.text).toContain('页面已过期');
    await agent.post('/admin/experts').type('form').send({ _csrf: await csrf(), ...expert, username: 'pages-expert2' }).expect(303);
    const pool = await agent.get('/admin/experts').expect(200);
    expect(pool.text).toContain('人工智能、算力芯片');
    const noExpert = await agent.post('/admin/experts/conflicts').type('form').send({ _csrf: await csrf(), expertId: '', creditCode: validCreditCode(8802), reason: '曾任职' }).expect(400);
    expect(noExpert.text).toContain('请选择专家');
  });

  it('show the audit trail of a future-scenarios stream, and say so when a stream does not exist', async () => {
    const admin = await t.asAdmin();
    await admin
      .post('/api/v1/future-scenarios/2026')
      .send({ scenarios: [{ title: '人工智能驱动的基础研究新范式', description: '围绕脑科学等前沿领域。' }] })
      .expect(201);
    const { agent } = await signedIn(t, ADMIN.username, ADMIN.password);
    const home = await agent.get('/admin').expect(200);
    expect(home.text).toContain('href="/admin/streams/future-scenarios-2026"');
    // The public home page links the published 附件3 downloads.
    const publicHome = await t.http.get('/').expect(200);
    expect(publicHome.text).toContain('十大未来场景(附件3)');
    expect(publicHome.text).toContain('href="/api/v1/future-scenarios/2026/annex?format');
    const audit = await agent.get('/admin/streams/future-scenarios-2026').expect(200);
    expect(audit.text).toContain('发布十大未来场景');
    expect(audit.text).toContain('2026 年第 1 版,共 1 个场景');
    expect(audit.text).toContain('系统管理员');
    const missing = await agent.get('/admin/streams/selection-nothing-2030').expect(404);
    expect(missing.text).toContain('没有找到这条记录');
    await agent.get('/admin/streams/future-scenarios-2026?from=-1').expect(400);
  });
});
