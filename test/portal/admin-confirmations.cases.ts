/**
 * Every step on the selection desk is shown before it is done: the first POST answers a confirmation
 * page (what happens, how many, what is missing, the amounts) and changes nothing; only the page's own
 * form, posted back with confirmed=yes, does it. Closing review with scores missing needs the box
 * ticked; a step a rule forbids has no button at all.
 */
import request from 'supertest';
import { ADMIN, startTestApp } from '../support/test-app';
import type { AuthenticatedClient, TestApp } from '../support/test-app';
import { registerExperts, seedProgramme, validCreditCode } from '../walkthrough/walk-selection';
import { signDeclaration } from '../support/sign-declaration';
import { seedRules } from '@app/domain/programmes/programmes.test-support';
import { creditCode } from '@app/domain/selection/actors.test-support';
import { createWorld, T } from '@app/domain/selection/full-year.test-support';
import { calendarYears } from '@app/domain/selection/selection.test-support';
import { worldWriter } from '../notice/write-world';

type Agent = ReturnType<typeof request.agent>;
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
const tokenFrom = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
/** The hidden fields of the confirmation page's form, as the browser would send them back. */
const hiddenFieldsOf = (html: string) => Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2].replace(/&#x3D;/g, '=').replace(/&amp;/g, '&')]));

describe('confirmations on the selection desk', () => {
  let t: TestApp;
  let admin: Agent;
  let api: AuthenticatedClient;
  const selectionId = 'demo-scenario-2026';
  const desk = `/admin/selections/${selectionId}`;
  const phase = async () => (await api.get(`/api/v1/selections/${selectionId}`).expect(200)).body.phase as string;
  const post = async (form: Record<string, string>) => admin.post(desk).type('form').send({ _csrf: tokenFrom((await admin.get(desk)).text), ...form });
  const confirm = async (preview: string, extra: Record<string, string> = {}) => admin.post(desk).type('form').send({ ...hiddenFieldsOf(preview), ...extra });

  beforeAll(async () => {
    t = await startTestApp('pglite');
    api = await t.asAdmin();
    const experts = await registerExperts(t, 5, 5100);
    await api.post('/api/v1/selections').send({ programme: 'demo-scenario', year: 2026, submissionDeadlineDate: '2026-03-31', overrides: { quotas: { scenario: 1 }, minimumScore: 50 } }).expect(201);
    const seed = seedProgramme('demo-scenario');
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const username = `confirm-org${index}`;
      await t.http.post('/api/v1/organisations').send({ creditCode: validCreditCode(5200 + index), name: `湖南确认测试${index}号有限公司`, contactName: '联系人', contactPhone: '0731-88886666', username, password: `${username}-password` }).expect(201);
      const owner = await t.as(username, `${username}-password`);
      const fields = Object.fromEntries(seed.fields.map((field) => [field.code, `${field.code} 内容 ${index}`]));
      const drafted = await owner.post(`/api/v1/selections/${selectionId}/dossiers`).send({ title: `确认测试项目${index}`, tier: 'scenario', fields, declaredInvestmentFen: 1_000_000_000 }).expect(201);
      const id = drafted.body.id as string;
      ids.push(id);
      if (index === 2) continue; // the third stays a draft
      for (const kind of seed.attachments.kinds.filter((kind) => kind.required)) {
        await owner.post(`/api/v1/dossiers/${id}/attachments`).field('kind', kind.code).attach('file', pdf(`${id}-${kind.code}`), { filename: `${kind.code}.pdf`, contentType: 'application/pdf' }).expect(201);
      }
      await owner.post(`/api/v1/dossiers/${id}/submit`).expect(200);
    }
    admin = request.agent(t.app.getHttpServer());
    const login = await admin.get('/login').expect(200);
    await admin.post('/login').type('form').send({ _csrf: tokenFrom(login.text), username: ADMIN.username, password: ADMIN.password }).expect(303);

    t.clock.set('2026-04-01T01:00:00.000Z');
    const preview = await post({ action: 'close-submissions' }).then((r) => r.text);
    expect(preview).toContain('确认截止申报');
    expect(preview).toContain('已提交的申报材料 2 项将进入形式审查');
    expect(preview).toContain('仍有 1 份草稿未提交');
    expect(await phase()).toBe('open');
    expect((await confirm(preview)).status).toBe(303);
    expect(await phase()).toBe('formal-review');

    const reject = await post({ action: 'review', dossierId: ids[0], decision: 'reject', reason: '材料不全' }).then((r) => r.text);
    expect(reject).toContain('确认形式审查结论:不予受理');
    expect(reject).toContain('不予受理后,该申报不再参加本次评选。');
    for (const id of ids.slice(0, 2)) await api.post(`/api/v1/dossiers/${id}/formal-review`).send({ decision: 'pass', approvedInvestmentFen: 900_000_000 }).expect(200);
    await api.post(`/api/v1/selections/${selectionId}/close-formal-review`).expect(200);
    await api.post(`/api/v1/selections/${selectionId}/assignments`).send({ seed: 'confirm' }).expect(201);
    // Every expert scores the first dossier; the last expert leaves the second unscored.
    const rubric = seed.rubric;
    for (const [index, expert] of experts.entries()) {
      const points = Object.fromEntries(rubric.map((criterion) => [criterion.code, Math.round(criterion.maxPoints * 0.8)]));
      await signDeclaration(expert, selectionId);
      await expert.put(`/api/v1/dossiers/${ids[0]}/reviews/mine`).send({ points, comment: '好' }).expect(200);
      if (index < 4) await expert.put(`/api/v1/dossiers/${ids[1]}/reviews/mine`).send({ points, comment: '可' }).expect(200);
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('shows the valid-review minimum on the dossier page; a dossier with enough valid reviews cannot be marked not evaluable', async () => {
    const passed = (await api.get(`/api/v1/selections/${selectionId}/dossiers?status=passed`).expect(200)).body as { id: string }[];
    const page = `/admin/dossiers/${passed[0].id}`;
    const shown = await admin.get(page).expect(200);
    expect(shown.text).toMatch(/有效评审意见 <strong>\d<\/strong> 份,本评选要求不少于 3 份/);
    expect(shown.text).not.toContain('标记为无法评审</button>');
    const empty = await admin.post(`${page}/not-evaluable`).type('form').send({ _csrf: tokenFrom(shown.text), reason: '' });
    expect([empty.status, empty.text.includes('请填写无法评审的理由')]).toEqual([400, true]);
    const refused = await admin.post(`${page}/not-evaluable`).type('form').send({ _csrf: tokenFrom(shown.text), reason: '无可补充专家' });
    expect([refused.status, refused.text.includes('已达到规定份数')]).toEqual([409, true]);
    expect(await phase()).toBe('expert-review');
  });

  it('closes review only after the missing scores were shown and acknowledged', async () => {
    const preview = await post({ action: 'close-review' });
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('每个项目须有不少于 3 份有效评审意见');
    expect(preview.text).toContain('还有 1 份评分未提交');
    expect(preview.text).toContain('专家4');
    expect(preview.text).toContain('我已知晓仍有 1 份评分未提交');
    const unticked = await confirm(preview.text);
    expect(unticked.status).toBe(400);
    expect(unticked.text).toContain('请勾选确认后再继续');
    expect(await phase()).toBe('expert-review');
    expect((await confirm(preview.text, { acknowledged: 'yes' })).status).toBe(303);
    expect(await phase()).toBe('review-closed');
  });

  it('shows the notice window, then the amounts before deciding and before publishing', async () => {
    const notice = await post({ action: 'notice', startsOn: '2026-04-02' });
    const main = notice.text.slice(notice.text.indexOf('<main'));
    // 4月4日至6日 are the 清明 holidays of 2026: five working days end on the 9th.
    expect(main).toContain('公示期:2026年4月2日 至 2026年4月9日(5 个工作日)');
    expect(notice.text).toContain('公示名单 1 项,候补 1 项');
    expect((await confirm(notice.text)).status).toBe(303);
    expect(await phase()).toBe('notice');

    t.clock.set('2026-04-20T01:00:00.000Z');
    const decide = await post({ action: 'decide' });
    expect(decide.text).toContain('拟确定的奖补');
    expect(decide.text).toContain('<td>9,000,000.00 元</td><td>1,800,000.00 元</td>');
    expect((await confirm(decide.text)).status).toBe(303);
    const publish = await post({ action: 'publish' });
    expect(publish.text).toContain('奖补合计 1,800,000.00 元');
    expect(await phase()).toBe('awards-decided');
    expect((await confirm(publish.text)).status).toBe(303);
    expect(await phase()).toBe('published');
  });

  it('确定奖补 held by an unclear project identity shows both projects, takes the declaration, then decides', async () => {
    // Another batch of the scenario call and an earlier model award, written by the real deciders up to
    // the end of their notice: the same project code XM-7005 under two titles, one organisation.
    const AREA = 'AI+交通';
    const world = createWorld(calendarYears);
    world.registerExperts(['w1', 'w2', 'w3', 'w4', 'w5', 'w6'].map((expertId, i) => ({ expertId, organisation: 990 + i, fields: [AREA] })));
    world.runToNotice({
      programme: 'vertical-model',
      quotas: { model: 1 },
      stopAfterNotice: true,
      applicants: [{ key: 'c', organisation: 7005, tier: 'model', title: '港口物流大模型', projectCode: 'XM-7005', fields: Object.fromEntries(seedRules('vertical-model').fields.map((field) => [field.code, field.code === 'industry' ? AREA : `港口物流大模型的${field.name}`])), declaredFen: 100_000_000, approvedFen: 100_000_000, target: 86 }],
    });
    world.runToNotice({
      programme: 'demo-scenario',
      batch: 2,
      quotas: { scenario: 1 },
      stopAfterNotice: true,
      applicants: [{ key: 'c', organisation: 7005, tier: 'scenario', title: '港口物流', projectCode: 'XM-7005', fields: { sceneName: '港口物流', domain: AREA, description: '港口物流的场景描述', demonstration: '港口物流的示范应用', promotionValue: '港口物流的推广价值' }, declaredFen: 150_000_000, approvedFen: 150_000_000, target: 84 }],
    });
    await t.http.post('/api/v1/organisations').send({ creditCode: creditCode(7005), name: '湖南物流智能有限公司', contactName: '李明', contactPhone: '13800000000', username: 'org7005', password: 'org-password-123' }).expect(201);
    await worldWriter(world, () => t)();
    t.clock.set(T.decideAwards);
    await api.post('/api/v1/selections/vertical-model-2026/awards').expect(201);

    const second = '/admin/selections/demo-scenario-2026-2';
    const secondPhase = async () => (await api.get('/api/v1/selections/demo-scenario-2026-2').expect(200)).body.phase as string;
    const preview = await admin.post(second).type('form').send({ _csrf: tokenFrom((await admin.get(second).expect(200)).text), action: 'decide' }).expect(200);
    const held = await admin.post(second).type('form').send(hiddenFieldsOf(preview.text)).expect(409);
    expect(held.text).toContain('请声明是否为同一项目');
    expect(held.text).toContain('第 1 对:项目编号相同而项目名称不同');
    expect(held.text).toContain('<td><a href="/admin/dossiers/demo-scenario-c">《港口物流》</a></td><td>XM-7005</td>');
    expect(held.text).toContain('<td><a href="/admin/dossiers/vertical-model-c">《港口物流大模型》</a></td><td>XM-7005</td>');
    expect(held.text).toContain(`湖南物流智能有限公司(统一社会信用代码 ${creditCode(7005)})`);
    expect(held.text).toContain('已于《2026年湖南省“人工智能+”人工智能垂类大模型评选》获支持 200,000.00 元');
    expect(held.text).toContain('奖补暂缓决定');
    expect(await secondPhase()).toBe('notice');

    const unanswered = await admin.post(second).type('form').send(hiddenFieldsOf(held.text)).expect(400);
    expect(unanswered.text).toContain('请为每一对项目选择“同一项目”或“不同项目”后再确定奖补。');
    expect(await secondPhase()).toBe('notice');

    const decided = await admin.post(second).type('form').send({ ...hiddenFieldsOf(held.text), 'identity-0': 'different' }).expect(303);
    expect(decided.headers.location).toBe(`${second}?done=decide`);
    expect(await secondPhase()).toBe('awards-decided');
    const awards = await api.get('/api/v1/selections/demo-scenario-2026-2/awards').expect(200);
    expect(awards.body.awards.map((line: { dossierId: string; paidFen: number }) => [line.dossierId, line.paidFen])).toEqual([['demo-scenario-c', 30_000_000]]);
  });

  it('refuses a confirmed step the phase no longer allows, in Chinese', async () => {
    const forged = await post({ action: 'close-formal-review', confirmed: 'yes' });
    expect(forged.status).toBe(409);
    expect(forged.text).toContain('评选当前所处阶段不允许此操作');
  });
});
