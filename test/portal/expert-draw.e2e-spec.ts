/**
 * The portal's parts of issue 17: the open-call form's 保密承诺、回避声明 (prefilled, validated), the
 * plan page's 专家抽取 with a seed shown before confirming and the record after it, the dossier page's
 * drawn experts and reserves, and 认定评分无效 with a reason through a confirmation page.
 */
import request from 'supertest';
import { DEFAULT_DECLARATION } from '@app/domain/commitments';
import { ADMIN, startTestApp } from '../support/test-app';
import type { AuthenticatedClient, TestApp } from '../support/test-app';
import { registerExperts, seedProgramme, validCreditCode } from '../walkthrough/walk-selection';
import { signDeclaration } from '../support/sign-declaration';

type Agent = ReturnType<typeof request.agent>;
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
const tokenFrom = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const unescape = (value: string) => value.replace(/&#x3D;/g, '=').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
const hiddenFieldsOf = (html: string) => Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], unescape(m[2])]));
const FIELD = '人工智能'; // the experts' field in registerExperts, given as the dossiers' expertise field (domain)

describe('专家抽取, 认定评分无效 and the declaration in the portal', () => {
  let t: TestApp;
  let admin: Agent;
  let api: AuthenticatedClient;
  let experts: AuthenticatedClient[];
  const selectionId = 'demo-scenario-2026';
  const desk = `/admin/selections/${selectionId}`;
  const ids: string[] = [];
  let seed = '';
  const phase = async () => (await api.get(`/api/v1/selections/${selectionId}`).expect(200)).body.phase as string;
  const post = async (form: Record<string, string>) => admin.post(desk).type('form').send({ _csrf: tokenFrom((await admin.get(desk)).text), ...form });
  const openForm = async (form: Record<string, string>) => {
    const home = await admin.get('/admin').expect(200);
    return admin.post('/admin/selections').type('form').send({
      _csrf: tokenFrom(home.text),
      programme: 'demo-scenario',
      year: '2026',
      submissionDeadlineDate: '2026-03-31',
      'quota_demo-scenario_scenario': '2',
      'rule_demo-scenario_expertsPerDossier': '3',
      ...form,
    });
  };

  beforeAll(async () => {
    t = await startTestApp('pglite');
    api = await t.asAdmin();
    experts = await registerExperts(t, 8, 6100);
    admin = request.agent(t.app.getHttpServer());
    const login = await admin.get('/login').expect(200);
    await admin.post('/login').type('form').send({ _csrf: tokenFrom(login.text), username: ADMIN.username, password: ADMIN.password }).expect(303);
  });
  afterAll(async () => t?.close());

  it('the open-call form has the declaration prefilled; a changed text needs its own version, said beside the field', async () => {
    const home = await admin.get('/admin').expect(200);
    expect(home.text).toContain('保密承诺和回避声明');
    expect(home.text).toContain(DEFAULT_DECLARATION.paragraphs[0]);
    expect(home.text).toMatch(new RegExp(`id="declarationVersion" name="declarationVersion" value="${DEFAULT_DECLARATION.version}"`));
    const text = '本人承诺:对本次评审材料严格保密。\n本人声明:与申报单位不存在利益关系,如有即申请回避。';
    const unversioned = await openForm({ declarationText: text, declarationVersion: DEFAULT_DECLARATION.version });
    expect(unversioned.status).toBe(400);
    expect(unversioned.text).toContain('声明文本已修改,请填写新的版本号');
    expect(unversioned.text).toContain('aria-describedby="declarationVersion-error"');
    expect(unversioned.text).toContain('本人承诺:对本次评审材料严格保密。'); // the typed text is kept
    const empty = await openForm({ declarationText: ' ', declarationVersion: '2026-1' });
    expect([empty.status, empty.text.includes('请填写专家须签署的保密承诺和回避声明')]).toEqual([400, true]);
    await api.get(`/api/v1/selections/${selectionId}`).expect(404);

    expect((await openForm({ declarationText: text, declarationVersion: '2026-1' })).status).toBe(303);
    const declaration = await api.get(`/api/v1/selections/${selectionId}/declaration`).expect(200);
    expect(declaration.body).toMatchObject({ version: '2026-1', paragraphs: text.split('\n') });
  });

  it('the plan page offers the draw with a random seed shown before confirming; the confirmation shows it and changes nothing', async () => {
    const seedProgrammeRules = seedProgramme('demo-scenario');
    for (let index = 0; index < 3; index += 1) {
      const username = `draw-org${index}`;
      await t.http.post('/api/v1/organisations').send({ creditCode: validCreditCode(6200 + index), name: `湖南抽取测试${index}号有限公司`, contactName: '联系人', contactPhone: '0731-88886666', username, password: `${username}-password` }).expect(201);
      const owner = await t.as(username, `${username}-password`);
      const fields = Object.fromEntries(seedProgrammeRules.fields.map((field) => [field.code, field.code === 'domain' ? FIELD : `${field.code} 内容 ${index}`]));
      const drafted = await owner.post(`/api/v1/selections/${selectionId}/dossiers`).send({ title: `抽取测试项目${index}`, tier: 'scenario', fields, declaredInvestmentFen: 1_000_000_000 }).expect(201);
      ids.push(drafted.body.id);
      for (const kind of seedProgrammeRules.attachments.kinds.filter((kind) => kind.required)) {
        await owner.post(`/api/v1/dossiers/${drafted.body.id}/attachments`).field('kind', kind.code).attach('file', pdf(`${drafted.body.id}-${kind.code}`), { filename: `${kind.code}.pdf`, contentType: 'application/pdf' }).expect(201);
      }
      await owner.post(`/api/v1/dossiers/${drafted.body.id}/submit`).expect(200);
    }
    t.clock.set('2026-04-01T01:00:00.000Z');
    await api.post(`/api/v1/selections/${selectionId}/close-submissions`).expect(200);
    for (const id of ids) await api.post(`/api/v1/dossiers/${id}/formal-review`).send({ decision: 'pass', approvedInvestmentFen: 900_000_000 }).expect(200);
    await api.post(`/api/v1/selections/${selectionId}/close-formal-review`).expect(200);
    await t.settle();

    const page = await admin.get(desk).expect(200);
    expect(page.text).toContain('name="method" value="draw"');
    seed = /id="draw-seed" name="seed" value="([0-9a-f]{12})"/.exec(page.text)?.[1] ?? '';
    expect(seed).toMatch(/^[0-9a-f]{12}$/);
    const other = /id="draw-seed" name="seed" value="([0-9a-f]{12})"/.exec((await admin.get(desk)).text)?.[1];
    expect(other).not.toBe(seed); // a fresh seed each time the page is shown

    const badSeed = await post({ action: 'assign', method: 'draw', seed: '', reservesPerDossier: '2' });
    expect([badSeed.status, badSeed.text.includes('随机种子须为 1 至 100 个字符'), badSeed.text.includes('确认随机抽取</button>')]).toEqual([409, true, false]);
    const preview = await post({ action: 'assign', method: 'draw', seed, reservesPerDossier: '2' });
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('确认随机抽取专家');
    expect(preview.text).toContain(`随机种子:${seed}`);
    expect(preview.text).toContain('每项另抽备选专家 2 人');
    expect(await phase()).toBe('formal-review-closed');

    expect((await admin.post(desk).type('form').send(hiddenFieldsOf(preview.text))).status).toBe(303);
    expect(await phase()).toBe('expert-review');
    const [started] = (await t.store.readStream(`selection-${selectionId}`)).filter((event) => event.type === 'ExpertReviewStarted');
    expect(started.data).toMatchObject({ method: 'draw', seed, reservesPerDossier: 2, assignedCount: 9 });
  });

  it('after the draw the desk shows each dossier\'s record and the dossier page its drawn experts and reserves', async () => {
    await t.settle();
    const page = await admin.get(desk).expect(200);
    expect(page.text).toContain('专家抽取记录');
    for (const id of ids) expect(page.text).toContain(`<code>${seed}/${id}</code>`);
    expect(page.text.match(/<td>可重现<\/td>/g)).toHaveLength(3);

    const verified = await api.get(`/api/v1/dossiers/${ids[0]}/draw`).expect(200);
    const dossierPage = await admin.get(`/admin/dossiers/${ids[0]}`).expect(200);
    const nameOf = async (expertId: string) => (await api.get(`/api/v1/experts/${expertId}`).expect(200)).body.name as string;
    expect(dossierPage.text).toContain(`随机种子 <code>${seed}/${ids[0]}</code>`);
    expect(dossierPage.text).toContain('按种子重新抽取,结果一致。');
    expect(dossierPage.text).toContain(`抽中专家:${(await Promise.all(verified.body.drawn.map(nameOf))).join('、')}`);
    expect(dossierPage.text).toContain(`备选专家(依次递补):1. ${await nameOf(verified.body.reserves[0])}、2. ${await nameOf(verified.body.reserves[1])}`);
  });

  it('during review the dossier page offers 认定评分无效 per scored expert (comment, no points); a confirmation comes first, then it is recorded', async () => {
    t.clock.set('2026-04-10T01:00:00.000Z');
    const { body: record } = await api.get(`/api/v1/dossiers/${ids[0]}/draw`).expect(200);
    const scorerId = record.drawn[0] as string;
    const me = await Promise.all(experts.map(async (client) => (await client.get('/api/v1/me/assignments').expect(200)).body as { dossierId: string }[]));
    const scorerIndex = await (async () => {
      for (const [index, client] of experts.entries()) {
        const self = await client.get(`/api/v1/experts/${scorerId}`);
        if (self.status === 200) return index;
      }
      return -1;
    })();
    expect(me[scorerIndex].some((assignment) => assignment.dossierId === ids[0])).toBe(true);
    const scorer = experts[scorerIndex];
    await signDeclaration(scorer, selectionId);
    const points = Object.fromEntries(seedProgramme('demo-scenario').rubric.map((criterion) => [criterion.code, Math.round(criterion.maxPoints * 0.77)]));
    await scorer.put(`/api/v1/dossiers/${ids[0]}/reviews/mine`).send({ points, comment: '同意推荐' }).expect(200);
    await t.settle();

    const page = `/admin/dossiers/${ids[0]}`;
    const shown = await admin.get(page).expect(200);
    expect(shown.text).toContain('认定评分无效…</button>');
    expect(shown.text).toContain('评审意见:同意推荐');
    expect(shown.text).not.toContain('加权总分');
    const form = { _csrf: tokenFrom(shown.text), expertId: scorerId };
    const empty = await admin.post(`${page}/invalidation`).type('form').send({ ...form, reason: '' });
    expect([empty.status, empty.text.includes('请填写认定评分无效的理由')]).toEqual([400, true]);

    const preview = await admin.post(`${page}/invalidation`).type('form').send({ ...form, reason: '评审意见过于简单,与所给分数不相称' });
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('确认认定评分无效');
    expect(preview.text).toContain('有效评审意见将由 1 份变为 0 份(本评选要求不少于 3 份)');
    expect(preview.text).toContain(`(下一位:${(await api.get(`/api/v1/experts/${record.reserves[0]}`).expect(200)).body.name})`);
    expect((await t.store.readStream(`dossier-${ids[0]}`)).some((event) => event.type === 'ScoreInvalidated')).toBe(false);

    const done = await admin.post(`${page}/invalidation`).type('form').send(hiddenFieldsOf(preview.text));
    expect([done.status, done.headers.location]).toEqual([303, `${page}?invalidated=1`]);
    const [invalidated] = (await t.store.readStream(`dossier-${ids[0]}`)).filter((event) => event.type === 'ScoreInvalidated');
    expect(invalidated.data).toMatchObject({ expertId: scorerId, reason: '评审意见过于简单,与所给分数不相称' });
    await t.settle();
    const after = await admin.get(`${page}?invalidated=1`).expect(200);
    expect(after.text).toContain('已认定该评分无效');
    expect(after.text).toContain('被认定无效:评审意见过于简单,与所给分数不相称');
    expect(after.text).not.toContain('认定评分无效…</button>');

    const replacements = await post({ action: 'replacements' });
    expect(replacements.text).toContain('随机抽取的项目由其备选专家按抽取记录的顺序递补');
    expect((await admin.post(desk).type('form').send(hiddenFieldsOf(replacements.text))).status).toBe(303);
    const verified = await api.get(`/api/v1/dossiers/${ids[0]}/draw`).expect(200);
    expect(verified.body).toMatchObject({ reservesCalled: [{ expertId: record.reserves[0], reserveIndex: 0 }], reproduces: true, assignmentsFollowRecord: true });
    await t.settle();
    expect((await admin.get(`/admin/dossiers/${ids[0]}`).expect(200)).text).toMatch(/1\. [^、<]+(已递补)/);
  });
});
