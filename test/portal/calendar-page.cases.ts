/**
 * The calendar page (工作日历) over HTTP, and why it exists: a selection whose notice would run into
 * 2027 shows in its confirmation that the year is unknown (no button, a link to the page); once the
 * administrator loads 2027's holiday notice there, the notice starts.
 */
import request from 'supertest';
import { ADMIN, startTestApp } from '../support/test-app';
import type { AuthenticatedClient, TestApp } from '../support/test-app';
import { ApplicantPlan, createPreparer, creditCode } from '../notice/prepare-review-closed';

const EXPERTS = ['e1', 'e2', 'e3', 'e4', 'e5'];
const scenario = (key: string, organisation: number, target: number): ApplicantPlan => ({
  dossierId: `cal-${key}`,
  organisation,
  tier: 'scenario',
  title: `日历项目${key}`,
  approvedFen: 500_000_000,
  target,
  fields: { sceneName: `场景${key}`, domain: 'AI+交通', description: '描述', demonstration: '示范', promotionValue: '推广' },
});
const tokenFrom = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const hiddenFieldsOf = (html: string) => Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]));

describe('the calendar page', () => {
  let t: TestApp;
  let api: AuthenticatedClient;
  let portal: ReturnType<typeof request.agent>;
  let selectionId: string;

  beforeAll(async () => {
    t = await startTestApp('pglite', '2026-11-01T01:00:00.000Z');
    api = await t.asAdmin();
    await t.http.post('/api/v1/organisations').send({ creditCode: creditCode(401), name: '湖南日历测试有限公司', contactName: '李明', contactPhone: '13800000000', username: 'cal401', password: 'cal-password-123' }).expect(201);
    const prepare = createPreparer(t);
    await prepare.registerExperts(EXPERTS, ['AI+交通'], '2026-11-01T01:00:00.000Z');
    selectionId = await prepare.toReviewClosed(
      {
        programme: 'demo-scenario',
        year: 2026,
        quotas: { scenario: 1 },
        applicants: [scenario('a', 401, 90)],
        at: { open: '2026-11-02T01:00:00.000Z', deadlineDate: '2026-11-20', draft: '2026-11-05T02:00:00.000Z', closeSubmissions: '2026-11-21T01:00:00.000Z', formalReview: '2026-11-24T02:00:00.000Z', review: '2026-11-26T02:00:00.000Z', closeReview: '2026-12-28T02:00:00.000Z' },
      },
      api,
      EXPERTS,
    );
    portal = request.agent(t.app.getHttpServer());
    const login = await portal.get('/login').expect(200);
    await portal.post('/login').type('form').send({ _csrf: tokenFrom(login.text), username: ADMIN.username, password: ADMIN.password }).expect(303);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses a notice into an unknown year with a link to the page, loads the year there, then starts the notice', async () => {
    const desk = `/admin/selections/${selectionId}`;
    const refused = await portal.post(desk).type('form').send({ _csrf: tokenFrom((await portal.get(desk)).text), action: 'notice', startsOn: '2026-12-30' }).expect(409);
    expect(refused.text).toContain('工作日历缺少所需年份的节假日安排');
    expect(refused.text).toContain('href="/admin/calendar"');
    expect(refused.text).not.toContain('name="confirmed"');

    const page = await portal.get('/admin/calendar').expect(200);
    expect(page.text).toContain('<td>2026</td>');
    const bad = await portal.post('/admin/calendar').type('form').send({ _csrf: tokenFrom(page.text), year: '2027', source: '国务院办公厅关于2027年部分节假日安排的通知', holidays: '2027-01-01 至 2027-01-03\n2027-02-30', makeUpWorkdays: '' }).expect(400);
    expect(bad.text).toContain('以下内容不是有效日期或日期段:2027-02-30');
    const again = await portal.post('/admin/calendar').type('form').send({ _csrf: tokenFrom(page.text), year: '2026', source: '国务院办公厅关于2026年部分节假日安排的通知', holidays: '2026-01-01', makeUpWorkdays: '' }).expect(409);
    expect(again.text).toContain('该年度的工作日历已经载入');
    const loaded = await portal
      .post('/admin/calendar')
      .type('form')
      .send({ _csrf: tokenFrom(page.text), year: '2027', source: '国务院办公厅关于2027年部分节假日安排的通知', holidays: '2027-01-01 至 2027-01-03\n2027-02-06~2027-02-13', makeUpWorkdays: '2027-02-20' })
      .expect(303);
    expect(loaded.headers.location).toBe('/admin/calendar?loaded=2027');
    const years = (await t.http.get('/api/v1/calendar-years').expect(200)).body as { year: number; holidays: string[] }[];
    expect(years.find((year) => year.year === 2027)?.holidays).toHaveLength(11);

    const preview = await portal.post(desk).type('form').send({ _csrf: tokenFrom((await portal.get(desk)).text), action: 'notice', startsOn: '2026-12-30' }).expect(200);
    // 12-30, 12-31, (01-01 … 01-03 off), 01-04, 01-05, 01-06.
    expect(preview.text).toContain('公示期:2026年12月30日 至 2027年1月6日(5 个工作日)');
    await portal.post(desk).type('form').send(hiddenFieldsOf(preview.text)).expect(303);
    expect((await api.get(`/api/v1/selections/${selectionId}`).expect(200)).body.phase).toBe('notice');
  });
});
