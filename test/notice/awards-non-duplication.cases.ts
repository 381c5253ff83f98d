/**
 * A year with a top-up, a line not paid and a project named inconsistently, over HTTP:
 * 人工智能垂类大模型 2026 is decided first, then 十大示范场景 2026 whose applicants overlap.
 *
 * - 港口 (org 7001): a project code on the model dossier only, the same title → the same project
 *   (就高原则: the scenario's ¥1,600,000 is topped up by ¥1,000,000 over the ¥600,000 already paid);
 * - 质检 (org 7002): a code on the scenario dossier only → the same project, ¥1,000,000 already paid
 *   ≥ the scenario's ¥400,000 → not paid (不重复享受);
 * - 物流 (org 7005): the same project code under two different titles → the decision is held with
 *   both candidates until the admin declares them different projects;
 * - 农场 (org 7004): on the scenario list alone, paid in full.
 *
 * The selections are written up to the end of their notice by the real deciders (full-year.test-support);
 * the awards, the lists and the documents go through the app.
 */
import { seedRules } from '@app/domain/programmes/programmes.test-support';
import { creditCode } from '@app/domain/selection/actors.test-support';
import { createWorld, T } from '@app/domain/selection/full-year.test-support';
import type { ApplicantPlan } from '@app/domain/selection/full-year.test-support';
import { calendarYears } from '@app/domain/selection/selection.test-support';
import { behaviourDatabaseKinds } from '../support/test-databases';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import { worldWriter } from './write-world';

const YUAN = 100;
const AREA = 'AI+交通';
const MODEL_TITLE = '2026年湖南省“人工智能+”人工智能垂类大模型评选';
const NOTE = '以上政策措施(算力券政策除外)与我省其他同类政策措施不重复享受,支持标准不一致的,按照“就高原则”执行。';

const model = (key: string, organisation: number, title: string, approvedYuan: number, target: number, projectCode?: string): ApplicantPlan => ({
  key,
  organisation,
  tier: 'model',
  title,
  ...(projectCode ? { projectCode } : {}),
  fields: Object.fromEntries(seedRules('vertical-model').fields.map((field) => [field.code, field.code === 'industry' ? AREA : `${title}的${field.name}`])),
  declaredFen: approvedYuan * YUAN,
  approvedFen: approvedYuan * YUAN,
  target,
});

const scenario = (key: string, organisation: number, title: string, approvedYuan: number, target: number, projectCode?: string): ApplicantPlan => ({
  key,
  organisation,
  tier: 'scenario',
  title,
  ...(projectCode ? { projectCode } : {}),
  fields: { sceneName: title, domain: AREA, description: `${title}的场景描述`, demonstration: `${title}的示范应用`, promotionValue: `${title}的推广价值` },
  declaredFen: approvedYuan * YUAN,
  approvedFen: approvedYuan * YUAN,
  target,
});

const NAMES: Record<number, string> = { 7001: '湖南港口科技有限公司', 7002: '湖南质检智能有限公司', 7003: '湖南独立模型有限公司', 7004: '湖南农场科技有限公司', 7005: '湖南物流智能有限公司' };

for (const kind of behaviourDatabaseKinds()) {
  describe(`不重复享受 across two selections of 2026, with the award list and annex, on ${kind}`, () => {
    let t: TestApp;
    let admin: AuthenticatedClient;
    const world = createWorld(calendarYears);

    const writeWorld = worldWriter(world, () => t);

    beforeAll(async () => {
      t = await startTestApp(kind, T.open);
      admin = await t.asAdmin();
      for (const [n, name] of Object.entries(NAMES)) {
        await t.http
          .post('/api/v1/organisations')
          .send({ creditCode: creditCode(Number(n)), name, contactName: '李明', contactPhone: '13800000000', username: `org${n}`, password: 'org-password-123' })
          .expect(201);
      }
      world.registerExperts(['e1', 'e2', 'e3', 'e4', 'e5', 'e6'].map((expertId, i) => ({ expertId, organisation: 980 + i, fields: [AREA] })));
      world.runToNotice({
        programme: 'vertical-model',
        quotas: { model: 4 },
        stopAfterNotice: true,
        applicants: [
          model('x', 7001, '智慧港口调度', 3_000_000, 90, 'XM-7001'),
          model('y', 7002, '工业质检', 5_000_000, 88),
          model('c', 7005, '港口物流大模型', 1_000_000, 86, 'XM-7005'),
          model('z', 7003, '独立模型', 1_000_000, 84),
        ],
      });
      world.runToNotice({
        programme: 'demo-scenario',
        quotas: { scenario: 4 },
        stopAfterNotice: true,
        applicants: [
          scenario('x', 7001, '智慧港口调度', 8_000_000, 90),
          scenario('y', 7002, '工业质检', 2_000_000, 88, 'XM-7002'),
          scenario('w', 7004, '智慧农场', 5_000_000, 86),
          scenario('c', 7005, '港口物流', 1_500_000, 84, 'XM-7005'),
        ],
      });
      await writeWorld();
      t.clock.set(T.decideAwards);
    });
    afterAll(async () => t?.close());

    it('the model selection pays its standards in full and writes each line to its applicant’s fund ledger', async () => {
      await admin.post('/api/v1/selections/vertical-model-2026/awards').expect(201);
      const ledger = await admin.get(`/api/v1/streams/fund-${creditCode(7001)}-2025to2027/events`).expect(200);
      expect(ledger.body.events.map((event: { type: string; data: { paidFen: number; standard: unknown } }) => [event.type, event.data.paidFen, event.data.standard])).toEqual([
        ['FundEntryRecorded', 600_000 * YUAN, { rateBasisPoints: 2000, approvedInvestmentFen: 3_000_000 * YUAN, capFen: 1_000_000 * YUAN, standardFen: 600_000 * YUAN }],
      ]);
      expect(ledger.body.events[0].metadata).toMatchObject({ command: 'DecideAwards' });
    });

    it('a project code and title pointing different ways holds the decision, both candidates shown, until the admin declares', async () => {
      const held = await admin.post('/api/v1/selections/demo-scenario-2026/awards').send({}).expect(409);
      expect(held.body.details.code).toBe('project-identity-unclear');
      expect(held.body.message).toContain('《港口物流》(项目编号 XM-7005,本次名单,申报 demo-scenario-c)');
      expect(held.body.message).toContain(`《港口物流大模型》(项目编号 XM-7005,已于《${MODEL_TITLE}》获支持 200,000.00 元,申报 vertical-model-c)`);
      expect(held.body.message).toContain('项目编号相同而项目名称不同');
      expect(held.body.details.candidates).toEqual([
        expect.objectContaining({ conflict: 'same-code-different-title', dossier: expect.objectContaining({ dossierId: 'demo-scenario-c' }), other: expect.objectContaining({ dossierId: 'vertical-model-c', paidFen: 200_000 * YUAN }) }),
      ]);
      const bad = await admin.post('/api/v1/selections/demo-scenario-2026/awards').send({ identityDeclarations: [{ dossierId: 'demo-scenario-c', sameProject: 'no' }] }).expect(400);
      expect(bad.body.details.map((problem: { field: string }) => problem.field)).toEqual(expect.arrayContaining(['identityDeclarations[0].otherDossierId', 'identityDeclarations[0].sameProject']));
      const unneeded = await admin
        .post('/api/v1/selections/demo-scenario-2026/awards')
        .send({ identityDeclarations: [{ dossierId: 'demo-scenario-c', otherDossierId: 'vertical-model-c', sameProject: false }, { dossierId: 'demo-scenario-x', otherDossierId: 'vertical-model-x', sameProject: false }] })
        .expect(400);
      expect(unneeded.body.details.code).toBe('identity-declaration-unneeded');

      const decided = await admin
        .post('/api/v1/selections/demo-scenario-2026/awards')
        .send({ identityDeclarations: [{ dossierId: 'demo-scenario-c', otherDossierId: 'vertical-model-c', sameProject: false }] })
        .expect(201);
      expect(decided.body).toMatchObject({ awarded: 4, totalPaidFen: (1_000_000 + 0 + 1_000_000 + 300_000) * YUAN });
    });

    it('the API award list shows per line the standard, the amount paid and, in Chinese, why it differs', async () => {
      const list = await admin.get('/api/v1/selections/demo-scenario-2026/awards').expect(200);
      expect(list.body.awards.map((line: Record<string, unknown>) => [line.dossierId, line.standardText, line.paidText, line.decision, line.explanation])).toEqual([
        ['demo-scenario-x', '1,600,000.00 元(核定投资额×20%,最高 2,000,000.00 元)', '1,000,000.00 元(补差)', 'top-up', `就高原则:已于《${MODEL_TITLE}》获支持 600,000.00 元,按较高标准 1,600,000.00 元 补差 1,000,000.00 元`],
        ['demo-scenario-y', '400,000.00 元(核定投资额×20%,最高 2,000,000.00 元)', '不予重复支持', 'not-paid', `不重复享受:已于《${MODEL_TITLE}》获支持 1,000,000.00 元,不低于本次标准 400,000.00 元,本次不予重复支持`],
        ['demo-scenario-w', '1,000,000.00 元(核定投资额×20%,最高 2,000,000.00 元)', '1,000,000.00 元', 'paid', '按标准支持'],
        ['demo-scenario-c', '300,000.00 元(核定投资额×20%,最高 2,000,000.00 元)', '300,000.00 元', 'paid', '按标准支持'],
      ]);
      expect(list.body.awards[1]).toMatchObject({ rateBasisPoints: 2000, capFen: 200_000_000, standardFen: 40_000_000, paidFen: 0 });
      expect(list.body.totalPaidYuan).toBe('2,300,000.00 元');
      // The ledger of 7001 now holds both payments; together they are the higher standard.
      const ledger = await admin.get(`/api/v1/streams/fund-${creditCode(7001)}-2025to2027/events`).expect(200);
      expect(ledger.body.events.map((event: { data: { selectionId: string; paidFen: number; sameProjectAs: unknown } }) => [event.data.selectionId, event.data.paidFen, event.data.sameProjectAs])).toEqual([
        ['vertical-model-2026', 600_000 * YUAN, []],
        ['demo-scenario-2026', 1_000_000 * YUAN, [{ entryId: 'vertical-model-2026/vertical-model-x', basis: 'title' }]],
      ]);
    });

    it('once published, the award list text reads line by line with the standard, the amount and the reason', async () => {
      await admin.post('/api/v1/selections/demo-scenario-2026/awards/publish').expect(200);
      const text = (await t.http.get('/api/v1/selections/demo-scenario-2026/annex?format=txt&document=award-list').expect(200)).text;
      expect(text.split('\n')).toEqual([
        '2026年湖南省“人工智能+”十大示范场景奖补名单',
        '',
        '年度:2026',
        '评选项目:十大示范场景',
        '',
        '序号\t申报单位\t项目名称\t核定投资额\t支持标准\t奖补金额\t说明',
        `1\t湖南港口科技有限公司\t智慧港口调度\t8,000,000.00 元\t1,600,000.00 元(核定投资额×20%,最高 2,000,000.00 元)\t1,000,000.00 元(补差)\t就高原则:已于《${MODEL_TITLE}》获支持 600,000.00 元,按较高标准 1,600,000.00 元 补差 1,000,000.00 元`,
        `2\t湖南质检智能有限公司\t工业质检\t2,000,000.00 元\t400,000.00 元(核定投资额×20%,最高 2,000,000.00 元)\t不予重复支持\t不重复享受:已于《${MODEL_TITLE}》获支持 1,000,000.00 元,不低于本次标准 400,000.00 元,本次不予重复支持`,
        '3\t湖南农场科技有限公司\t智慧农场\t5,000,000.00 元\t1,000,000.00 元(核定投资额×20%,最高 2,000,000.00 元)\t1,000,000.00 元\t按标准支持',
        '4\t湖南物流智能有限公司\t港口物流\t1,500,000.00 元\t300,000.00 元(核定投资额×20%,最高 2,000,000.00 元)\t300,000.00 元\t按标准支持',
        '合计\t\t\t\t\t2,300,000.00 元',
        '',
        `注:${NOTE}`,
        '',
      ]);
      const html = (await t.http.get('/api/v1/selections/demo-scenario-2026/annex?format=html&document=award-list').expect(200)).text;
      expect(html).toContain('<td class="number">不予重复支持</td>');
      expect(html).not.toContain('>0.00 元<');
    });

    it('the annex (附件2) lists every selected scenario, the one not paid again included, line by line', async () => {
      const text = (await t.http.get('/api/v1/selections/demo-scenario-2026/annex?format=txt').expect(200)).text;
      const scene = (numeral: string, title: string) => [
        '',
        `  ${numeral}、${title}(${AREA})`,
        '',
        `  场景描述:${title}的场景描述`,
        '',
        `  示范应用:${title}的示范应用`,
        '',
        `  推广价值:${title}的推广价值`,
      ];
      expect(text.split('\n')).toEqual([
        '  附件2',
        '',
        '湖南省“人工智能+”十大示范场景',
        ...scene('一', '智慧港口调度'),
        ...scene('二', '工业质检'),
        ...scene('三', '智慧农场'),
        ...scene('四', '港口物流'),
        '',
      ]);
    });
  });
}
