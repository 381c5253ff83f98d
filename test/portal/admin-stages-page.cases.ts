/**
 * 评审阶段 in the portal: the admin sees each stage's scoreboard, closes the online stage, forms the
 * panel, schedules a defence and records attendance from the page, through the same commands as the API.
 */
import request from 'supertest';
import { ADMIN, startTestApp } from '../support/test-app';
import type { AuthenticatedClient, TestApp } from '../support/test-app';
import { LATIN_SENTENCE } from '../support/people-message';
import { creditCode, preparePassedDossiers } from '../reviews/prepare-dossiers';
import { scoreOnlineStage } from '../reviews/score-online-stage';

const SELECTION = 'demo-scenario-2026';
const PASSWORD = 'expert-password-for-tests';
const DOMAIN = 'AI+离散型制造';
const dossierId = (n: number) => `${SELECTION}-d${n}`;
const ONLINE_MAX: Record<string, number> = { technology: 25, effectiveness: 30, replicability: 25, investment: 10, compliance: 10 };
const pointsOf = (total: number) => Object.fromEntries(Object.entries(ONLINE_MAX).map(([code, most]) => [code, (most * total) / 100]));
const PANEL_RUBRIC = [
  { code: 'defence', name: '答辩表现', weight: 30, maxPoints: 30 },
  { code: 'feasibility', name: '实施可行性', weight: 30, maxPoints: 30 },
  { code: 'impact', name: '示范带动', weight: 25, maxPoints: 25 },
  { code: 'team', name: '团队与保障', weight: 15, maxPoints: 15 },
];
const tokenFrom = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
/** The page's text without tags, for the English-sentence check. */
const visibleText = (html: string) => html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');

describe('the review stages page (评审阶段)', () => {
  let t: TestApp;
  let api: AuthenticatedClient;
  let portal: ReturnType<typeof request.agent>;
  const page = `/admin/selections/${SELECTION}/stages`;
  const panelIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp('pglite');
    api = await t.asAdmin();
    await api
      .post('/api/v1/selections')
      .send({
        programme: 'demo-scenario',
        year: 2026,
        submissionDeadlineDate: '2026-03-31',
        overrides: {
          quotas: { scenario: 1 },
          expertsPerDossier: 3,
          stages: [
            { code: 'online', name: '通讯评审', kind: 'online', advance: { kind: 'top-per-tier', perTier: 2 } },
            { code: 'panel', name: '会议评审', kind: 'site-visit-or-defence', rubric: PANEL_RUBRIC, aggregation: 'mean', minimumValidReviews: 3, defence: { noShow: 'score-zero' } },
          ],
          finalRanking: { kind: 'weighted', percentByStage: { online: 40, panel: 60 } },
        },
      })
      .expect(201);
    const experts = new Map<string, AuthenticatedClient>();
    for (const [n, username] of ['stage-online-1', 'stage-online-2', 'stage-online-3', 'stage-panel-1', 'stage-panel-2', 'stage-panel-3'].entries()) {
      const online = username.includes('online');
      const registered = await api
        .post('/api/v1/experts')
        .send({ name: online ? `通讯专家${n + 1}` : `会评专家${n - 2}`, organisationName: `单位${n}`, organisationCreditCode: creditCode(930 + n), fields: [online ? DOMAIN : '智能制造'], username, password: PASSWORD })
        .expect(201);
      if (!online) panelIds.push(registered.body.expertId);
      experts.set(registered.body.expertId, await t.as(username, PASSWORD));
    }
    await preparePassedDossiers(t.store, SELECTION, [1, 2, 3].map((n) => ({ dossierId: dossierId(n), organisation: n, title: `阶段场景${n}`, domain: DOMAIN })));
    const targets: Record<string, number> = { [dossierId(1)]: 90, [dossierId(2)]: 80, [dossierId(3)]: 70 };
    await scoreOnlineStage(t, api, experts, SELECTION, (id) => pointsOf(targets[id]), '材料翔实');
    portal = request.agent(t.app.getHttpServer());
    const login = await portal.get('/login').expect(200);
    await portal.post('/login').type('form').send({ _csrf: tokenFrom(login.text), username: ADMIN.username, password: ADMIN.password }).expect(303);
  });
  afterAll(async () => t?.close());

  it('the open-call form configures 通讯评审 + 会议评审 with a defence; a wrong number is said beside its field', async () => {
    const home = (await portal.get('/admin').expect(200)).text;
    expect(home).toContain('通讯评审后进行会议评审(可安排答辩)');
    const call = { _csrf: tokenFrom(home), programme: 'dataset', year: '2026', submissionDeadlineDate: '2026-09-30', quota_dataset_dataset: '5', reviewMode: 'two', panelMinimumValidReviews: '3', panelNoShow: 'withdrawn', onlineWeightPercent: '30' };
    const refused = await portal.post('/admin/selections').type('form').send({ ...call, stageAdvancePerTier: '0' }).expect(400);
    expect(refused.text).toContain('请填写每类进入会议评审的项目数(正整数)');
    expect(refused.text).toMatch(/id="reviewMode-two"[^>]*checked/);
    await portal.post('/admin/selections').type('form').send({ ...call, stageAdvancePerTier: '8' }).expect(303);
    const [opened] = await t.store.readStream('selection-dataset-2026');
    expect((opened.data as { overrides: unknown }).overrides).toMatchObject({
      stages: [{ code: 'online', advance: { kind: 'top-per-tier', perTier: 8 } }, { code: 'panel', kind: 'site-visit-or-defence', minimumValidReviews: 3, defence: { noShow: 'withdrawn' } }],
      finalRanking: { kind: 'weighted', percentByStage: { online: 30, panel: 70 } },
    });
  });

  it('the desk links to the page, which shows the stages, their scores and the final ranking rule in Chinese', async () => {
    expect((await portal.get(`/admin/selections/${SELECTION}`).expect(200)).text).toContain(`href="${page}"`);
    const html = (await portal.get(page).expect(200)).text;
    expect(html).toContain('第 1 阶段:通讯评审(通讯评审,进行中)');
    expect(html).toContain('第 2 阶段:会议评审(现场考察/答辩,未开始)');
    expect(html).toContain('最终排名:通讯评审 40% + 会议评审 60%');
    expect(html).toContain('结束通讯评审');
    expect(visibleText(html)).not.toMatch(LATIN_SENTENCE);
    await request(t.app.getHttpServer()).get(page).expect(303);
  });

  it('closes the online stage: the top two go forward', async () => {
    const form = (await portal.get(page)).text;
    await portal.post(page).type('form').send({ action: 'close-stage' }).expect(403);
    await portal.post(page).type('form').send({ _csrf: tokenFrom(form), action: 'close-stage' }).expect(303);
    const html = (await portal.get(`${page}?done=close-stage`).expect(200)).text;
    expect(html).toContain('本阶段评审已结束');
    expect(html.match(/<td>晋级<\/td>/g)).toHaveLength(2);
    expect(html).toContain('<td>未晋级</td>');
    expect(html).toContain('组建会议评审专家组');
  });

  it('forms the panel from the page; too few members is refused in Chinese', async () => {
    const form = (await portal.get(page)).text;
    const tooFew = await portal.post(page).type('form').send({ _csrf: tokenFrom(form), action: 'panel', name: '会议评审专家组', expertIds: panelIds[0] }).expect(409);
    expect(tooFew.text).toContain('少于本阶段规定的有效评审意见份数');
    await portal.post(page).type('form').send({ _csrf: tokenFrom(form), action: 'panel', name: '会议评审专家组', expertIds: panelIds }).expect(303);
    const html = (await portal.get(page).expect(200)).text;
    expect(html).toContain('本阶段专家组:会议评审专家组(会评专家1、会评专家2、会评专家3)');
    expect(html).toContain('保存答辩安排并通知申报单位');
  });

  it('schedules a defence and records attendance; a slot without place or link is refused in Chinese', async () => {
    t.clock.set('2026-04-24T02:00:00.000Z');
    const form = (await portal.get(page)).text;
    const slot = { _csrf: tokenFrom(form), action: 'defence', dossierId: dossierId(1), date: '2026-04-27', startTime: '09:00', order: '1' };
    const refused = await portal.post(page).type('form').send(slot).expect(400);
    expect(refused.text).toContain('答辩安排不正确');
    await portal.post(page).type('form').send({ ...slot, place: '湖南省工业和信息化厅 3 楼会议室' }).expect(303);
    await portal.post(page).type('form').send({ _csrf: tokenFrom(form), action: 'attendance', dossierId: dossierId(1), attended: 'yes' }).expect(303);
    const html = (await portal.get(page).expect(200)).text;
    expect(html).toContain('value="湖南省工业和信息化厅 3 楼会议室"');
    expect(html).toContain('阶段场景1:出席');
    const dossier = (await api.get(`/api/v1/dossiers/${dossierId(1)}`).expect(200)).body;
    expect(dossier.defences).toEqual([{ stage: 2, date: '2026-04-27', startTime: '09:00', place: '湖南省工业和信息化厅 3 楼会议室', link: null, order: 1, attendance: 'attended' }]);
  });

  it('a panel member finds the dossier in his tasks and scores it from the portal with the panel rubric', async () => {
    const member = request.agent(t.app.getHttpServer());
    const login = await member.get('/login').expect(200);
    await member.post('/login').type('form').send({ _csrf: tokenFrom(login.text), username: 'stage-panel-1', password: PASSWORD }).expect(303);
    const tasks = (await member.get('/expert/tasks').expect(200)).text;
    expect(tasks).toContain(`/expert/dossiers/${dossierId(1)}`);
    const sheet = (await member.get(`/expert/dossiers/${dossierId(1)}`).expect(200)).text;
    expect(sheet).toContain('答辩表现');
    expect(sheet).not.toContain('技术先进性');
    const points = Object.fromEntries(PANEL_RUBRIC.map((criterion) => [`points_${criterion.code}`, String((criterion.maxPoints * 80) / 100)]));
    await member.post(`/expert/dossiers/${dossierId(1)}`).type('form').send({ _csrf: tokenFrom(sheet), ...points, comment: '答辩清晰' }).expect(200);
    const scored = (await t.store.readStream(`dossier-${dossierId(1)}`)).filter((event) => event.type === 'ScoreSubmitted' && (event.data as { stage?: number }).stage === 2);
    expect(scored.map((event) => (event.data as { total: number }).total)).toEqual([80]);
  });

  it('认定评分无效 on the dossier page in the panel stage lists the panel’s scores and declares one invalid in that stage', async () => {
    const dossierPage = `/admin/dossiers/${dossierId(1)}`;
    const html = (await portal.get(dossierPage).expect(200)).text;
    const offered = [...html.matchAll(/action="[^"]*\/invalidation"[\s\S]*?name="expertId" value="([^"]+)"/g)].map((match) => match[1]);
    expect(offered).toEqual([panelIds[0]]);
    const asked = { _csrf: tokenFrom(html), expertId: panelIds[0], reason: '答辩意见与所给分数矛盾' };
    const shown = (await portal.post(`${dossierPage}/invalidation`).type('form').send(asked).expect(200)).text;
    expect(shown).toContain('会议评审的有效评审意见将由 1 份变为 0 份(本阶段要求不少于 3 份)');
    expect(shown).toContain('name="stage" value="2"');
    await portal.post(`${dossierPage}/invalidation`).type('form').send({ ...asked, stage: '2', confirmed: 'yes' }).expect(303);
    const invalidated = (await t.store.readStream(`dossier-${dossierId(1)}`)).filter((event) => event.type === 'ScoreInvalidated');
    expect(invalidated.map((event) => event.data)).toEqual([expect.objectContaining({ expertId: panelIds[0], total: 80, stage: 2 })]);
  });

  it('a conflict a panel member declares after the panel was formed recuses him from that applicant’s panel seat', async () => {
    const member = await t.as('stage-panel-2', PASSWORD);
    const declared = await member.post(`/api/v1/experts/${panelIds[1]}/conflicts`).send({ creditCode: creditCode(2), reason: '近三年与申报单位有合作' }).expect(200);
    expect(declared.body.recusedFrom).toEqual([dossierId(2)]);
    const recused = (await t.store.readStream(`dossier-${dossierId(2)}`)).filter((event) => event.type === 'ExpertRecused');
    expect(recused.map((event) => event.data)).toEqual([expect.objectContaining({ expertId: panelIds[1], stage: 2, reason: '回避: 近三年与申报单位有合作' })]);
    // His tasks keep d2 only as the online review he may have given (stage 1, closed), no longer as a panel seat.
    const tasks = (await member.get('/api/v1/me/assignments').expect(200)).body as { dossierId: string; stage: number; open: boolean }[];
    expect(tasks.filter((task) => task.dossierId === dossierId(2) && (task.stage !== 1 || task.open))).toEqual([]);
    expect(tasks.find((task) => task.dossierId === dossierId(1))).toMatchObject({ stage: 2, open: true });
  });
});
