/**
 * 2026, all six selections, one after the other in one world: call → submission → formal review →
 * expert review → frozen shortlist → 公示 with objections and 递补 → awards → publication.
 * The money programmes share applicants, so 不重复享受 / 就高原则 shows across them (the same project
 * code and title on both dossiers; see decide-awards-identity.spec.ts for every other combination):
 * - PRJ-Y wins a product award (¥1,000,000), then a dataset award whose ¥400,000 is not paid;
 * - PRJ-X wins a vertical-model award (¥600,000), then a demo-scenario award topped up to ¥1,600,000.
 */
import { seedRules } from '../programmes/programmes.test-support';
import type { ProgrammeCode } from '../programmes';
import { calendarYears } from './selection.test-support';
import { ApplicantPlan, createWorld, ExpertPlan, YearResult } from './full-year.test-support';

const YUAN = 100;

/** Fills every field of the programme's form; the expertise field gets `area`. */
function fieldsFor(programme: ProgrammeCode, name: string, area: string): Record<string, string> {
  const rules = seedRules(programme);
  return Object.fromEntries(
    rules.fields.map((field) => [field.code, field.code === rules.expertiseField ? area : `${name}的${field.name}`]),
  );
}

function applicant(
  programme: ProgrammeCode,
  key: string,
  organisation: number,
  tier: string,
  target: number,
  extra: Partial<ApplicantPlan> & { area?: string } = {},
): ApplicantPlan {
  const title = extra.title ?? `${key}项目`;
  return {
    key,
    organisation,
    tier,
    target,
    title,
    fields: fieldsFor(programme, title, extra.area ?? 'AI+离散型制造'),
    ...extra,
  };
}

const EXPERTS: ExpertPlan[] = [
  { expertId: 'e1', organisation: 901, fields: ['AI+离散型制造', '算力芯片', '工程机械'] },
  { expertId: 'e2', organisation: 902, fields: ['AI+医疗', '医疗', '研究型'] },
  { expertId: 'e3', organisation: 903, fields: ['AI+交通', '智能网联汽车'] },
  { expertId: 'e4', organisation: 904, fields: ['AI+农业', '现代农业'] },
  { expertId: 'e5', organisation: 905, fields: ['AI+音视频', '音视频', '文化创意'] },
  { expertId: 'e6', organisation: 906, fields: ['AI+政务', '科学技术'] },
  { expertId: 'e7', organisation: 907, fields: ['具身智能', '智能机器人'] },
  // Declared a tie to the key enterprise f1 before the year began: never assigned to it.
  { expertId: 'e8', organisation: 908, fields: ['算力芯片', '智能芯片'], conflictWith: 401 },
  // Deactivated: never assigned.
  { expertId: 'e9', organisation: 909, fields: ['AI+离散型制造'], deactivated: true },
];

const world = createWorld(calendarYears);
world.registerExperts(EXPERTS);
const results = new Map<ProgrammeCode, YearResult>();

function run(programme: ProgrammeCode, plan: Omit<Parameters<typeof world.runSelection>[0], 'programme'>): YearResult {
  const result = world.runSelection({ programme, ...plan });
  results.set(programme, result);
  return result;
}

/** Every programme keeps the same shape of story, checked here once per selection. */
function expectACompleteYear(result: YearResult): void {
  const phases = result.selectionEvents().map((event) => event.type);
  expect(phases).toEqual(
    expect.arrayContaining([
      'SelectionOpened',
      'SubmissionsClosed',
      'FormalReviewClosed',
      'ExpertReviewStarted',
      'ReviewClosed',
      'PublicNoticeStarted',
      'ShortlistEntryDropped',
      'AwardsDecided',
      'AwardsPublished',
    ]),
  );
  expect(result.selection.phase).toBe('published');
  // Five experts per dossier, no deactivated expert, nobody with a conflict.
  expect(result.started.unfilled).toEqual([]);
  expect(result.started.assignments.some((assignment) => assignment.expertId === 'e9')).toBe(false);
  // Every awarded dossier knows it; every other ranked dossier knows why not.
  for (const line of result.decided.awards) expect(result.dossier(result.keyOf(line.dossierId)).status).toBe('awarded');
  for (const line of result.decided.notAwarded) {
    expect(result.dossier(result.keyOf(line.dossierId)).status).toBe('not-awarded');
  }
}

describe('a full year of the six selections (2026)', () => {
  describe('软硬件创新产品 (innovative-product): PRJ-Y is paid in full', () => {
    const programme: ProgrammeCode = 'innovative-product';
    const tier = 'product';
    let result: YearResult;
    beforeAll(() => {
      result = run(programme, {
        quotas: { product: 3 },
        applicants: [
          applicant(programme, 'y1', 601, tier, 90, { projectCode: 'PRJ-Y', title: 'PRJ-Y项目', declaredFen: 6_000_000 * YUAN, approvedFen: 5_000_000 * YUAN, area: '智能机器人' }),
          applicant(programme, 'y2', 602, tier, 86, { declaredFen: 3_000_000 * YUAN, approvedFen: 3_000_000 * YUAN, area: '智能穿戴' }),
          applicant(programme, 'y3', 603, tier, 82, { declaredFen: 1_200_000 * YUAN, approvedFen: 1_000_000 * YUAN, area: '智能家居' }),
          applicant(programme, 'y4', 604, tier, 78, { declaredFen: 2_000_000 * YUAN, approvedFen: 2_000_000 * YUAN, area: '智能机器人' }),
          applicant(programme, 'y5', 605, tier, 55, { declaredFen: 900_000 * YUAN, approvedFen: 900_000 * YUAN, area: '智能家居' }),
        ],
        upheld: 'y2',
      });
    });

    it('runs from call to publication', () => expectACompleteYear(result));

    it('freezes the shortlist: three products, a reserve, one below the minimum score', () => {
      expect(result.selectionEvents().find((e) => e.type === 'ReviewClosed')?.data).toMatchObject({
        shortlist: { belowThreshold: ['innovative-product-y5'] },
      });
      expect(result.shortlist()).toEqual({ product: { selected: ['y1', 'y3', 'y4'], reserves: [] } });
    });

    it('an upheld objection drops y2 and the reserve y4 moves up (递补)', () => {
      expect(result.dropped).toMatchObject({
        type: 'ShortlistEntryDropped',
        data: { dossierId: 'innovative-product-y2', promoted: { dossierId: 'innovative-product-y4', rank: 3 } },
      });
      expect(result.dossier('y2').objections[0]).toMatchObject({ status: 'upheld', objector: { name: '张伟' } });
    });

    it('pays 20 % of 核定投资额, at most ¥1,000,000', () => {
      expect(result.award('y1')).toMatchObject({ standardFen: 1_000_000 * YUAN, paidFen: 1_000_000 * YUAN, decision: 'paid' });
      expect(result.award('y3')).toMatchObject({ paidFen: 200_000 * YUAN, decision: 'paid' });
      expect(result.award('y4')).toMatchObject({ paidFen: 400_000 * YUAN, decision: 'paid' });
      expect(result.decided.totalPaidFen).toBe(1_600_000 * YUAN);
    });
  });

  describe('高质量数据集 (dataset): PRJ-Y again, not paid twice', () => {
    const programme: ProgrammeCode = 'dataset';
    const tier = 'dataset';
    let result: YearResult;
    beforeAll(() => {
      result = run(programme, {
        quotas: { dataset: 3 },
        applicants: [
          applicant(programme, 'd1', 601, tier, 91, { projectCode: 'PRJ-Y', title: 'PRJ-Y项目', declaredFen: 2_000_000 * YUAN, approvedFen: 2_000_000 * YUAN, area: '产业发展' }),
          applicant(programme, 'd2', 612, tier, 87, { declaredFen: 4_000_000 * YUAN, approvedFen: 3_500_000 * YUAN, area: '民生福祉' }),
          applicant(programme, 'd3', 613, tier, 83, { declaredFen: 1_000_000 * YUAN, approvedFen: 1_000_000 * YUAN, area: '治理能力' }),
          applicant(programme, 'd4', 614, tier, 79, { declaredFen: 1_500_000 * YUAN, approvedFen: 1_500_000 * YUAN, area: '科学技术' }),
          applicant(programme, 'd5', 615, tier, 74, { declaredFen: 800_000 * YUAN, approvedFen: 800_000 * YUAN, area: '科学技术' }),
        ],
        upheld: 'd3',
        dismissed: 'd2',
      });
    });

    it('runs from call to publication', () => expectACompleteYear(result));

    it('after 递补 the list is d1, d2, d4 with d5 still in reserve', () => {
      expect(result.shortlist()).toEqual({ dataset: { selected: ['d1', 'd2', 'd4'], reserves: ['d5'] } });
      expect(result.dossier('d2').objections[0].status).toBe('dismissed');
    });

    it('PRJ-Y already received ¥1,000,000 this year, more than this ¥400,000: listed, not paid (不重复享受)', () => {
      expect(result.award('d1')).toMatchObject({ standardFen: 400_000 * YUAN, paidFen: 0, decision: 'not-paid' });
      expect(result.dossier('d1').status).toBe('awarded');
      expect(result.award('d2')).toMatchObject({ paidFen: 700_000 * YUAN, decision: 'paid' });
      expect(result.decided.notAwarded).toEqual([
        { dossierId: 'dataset-d3', reason: 'taken off the list after an objection was upheld' },
        { dossierId: 'dataset-d5', reason: 'reserve 4 in 高质量数据集; the 3 places are filled' },
      ]);
    });
  });

  describe('人工智能垂类大模型 (vertical-model): PRJ-X is paid ¥600,000', () => {
    const programme: ProgrammeCode = 'vertical-model';
    const tier = 'model';
    let result: YearResult;
    beforeAll(() => {
      result = run(programme, {
        quotas: { model: 2 },
        applicants: [
          applicant(programme, 'm1', 701, tier, 88, { projectCode: 'PRJ-X', title: 'PRJ-X项目', declaredFen: 3_000_000 * YUAN, approvedFen: 3_000_000 * YUAN, area: '工程机械' }),
          applicant(programme, 'm2', 702, tier, 92, { declaredFen: 9_000_000 * YUAN, approvedFen: 8_000_000 * YUAN, area: '医疗' }),
          applicant(programme, 'm3', 703, tier, 84, { declaredFen: 2_000_000 * YUAN, approvedFen: 1_000_000 * YUAN, area: '音视频' }),
          applicant(programme, 'm4', 704, tier, 81, { declaredFen: 2_000_000 * YUAN, approvedFen: 2_000_000 * YUAN, area: '现代农业' }),
          applicant(programme, 'm5', 705, tier, 77, { declaredFen: 2_000_000 * YUAN, approvedFen: 2_000_000 * YUAN, area: '教育', path: 'rejected' }),
        ],
        upheld: 'm2',
      });
    });

    it('runs from call to publication', () => expectACompleteYear(result));

    it('the top-ranked m2 drops after an objection and m3 moves up', () => {
      expect(result.shortlist()).toEqual({ model: { selected: ['m1', 'm3'], reserves: ['m4'] } });
      expect(result.dossier('m5').status).toBe('rejected');
    });

    it('pays PRJ-X ¥600,000 and m3 ¥200,000', () => {
      expect(result.award('m1')).toMatchObject({ paidFen: 600_000 * YUAN, decision: 'paid' });
      expect(result.award('m3')).toMatchObject({ paidFen: 200_000 * YUAN, decision: 'paid' });
    });
  });

  describe('十大示范场景 (demo-scenario): ten scenarios, PRJ-X topped up (就高原则)', () => {
    const programme: ProgrammeCode = 'demo-scenario';
    const tier = 'scenario';
    const domains = ['AI+离散型制造', 'AI+流程型制造', 'AI+农业', 'AI+音视频', 'AI+政务', 'AI+交通', 'AI+医疗', 'AI+无人巡检', 'AI+自然资源', 'AI+低空经济'];
    let result: YearResult;
    beforeAll(() => {
      const scenarios = Array.from({ length: 12 }, (_, i) =>
        applicant(programme, `s${i + 1}`, 801 + i, tier, 91 - i, {
          declaredFen: 3_000_000 * YUAN,
          approvedFen: 2_500_000 * YUAN,
          area: domains[i % domains.length],
        }),
      );
      scenarios[0] = { ...scenarios[0], organisation: 701, projectCode: 'PRJ-X', title: 'PRJ-X项目', declaredFen: 9_000_000 * YUAN, approvedFen: 8_000_000 * YUAN };
      scenarios[1] = { ...scenarios[1], declaredFen: 50_000_000 * YUAN, approvedFen: 40_000_000 * YUAN };
      scenarios[4] = { ...scenarios[4], path: 'returned' };
      result = run(programme, {
        applicants: [
          ...scenarios,
          applicant(programme, 's13', 813, tier, 95, { declaredFen: 1_000_000 * YUAN, approvedFen: 1_000_000 * YUAN, path: 'rejected' }),
          applicant(programme, 's14', 814, tier, 95, { declaredFen: 1_000_000 * YUAN, path: 'withdrawn' }),
        ],
        upheld: 's6',
        dismissed: 's4',
        recusal: { key: 's2' },
        amendment: { key: 's12', by: 9 },
      });
    });

    it('runs from call to publication', () => expectACompleteYear(result));

    it('lists ten scenarios; s6 drops after an objection and the first reserve s10 moves up', () => {
      expect(result.shortlist()).toEqual({
        scenario: { selected: ['s1', 's2', 's3', 's4', 's5', 's7', 's8', 's9', 's12', 's10'], reserves: ['s11'] },
      });
      expect(result.dropped).toMatchObject({ data: { promoted: { dossierId: 'demo-scenario-s10', rank: 10 } } });
    });

    it('a dossier returned for correction (补正) competes after resubmission; rejected and withdrawn ones do not', () => {
      expect(result.dossier('s5')).toMatchObject({ status: 'awarded', title: 's5项目(补正)' });
      expect(result.events('s5').filter((event) => event.type === 'DossierSubmitted')).toHaveLength(2);
      expect(result.dossier('s13').status).toBe('rejected');
      expect(result.dossier('s14').status).toBe('withdrawn');
    });

    it('an expert recused after a conflict came to light is replaced; his place is filled again', () => {
      const s2 = result.dossier('s2');
      expect(s2.assignments.filter((assignment) => assignment.status === 'recused').map((a) => a.expertId)).toEqual([
        result.recusedExpert,
      ]);
      expect(s2.assignments.filter((assignment) => assignment.status === 'assigned')).toHaveLength(5);
      expect(s2.scores.map((score) => score.expertId)).not.toContain(result.recusedExpert);
    });

    it('an amended score counts: s12 ties s10 on 82 and passes it on the median (83 against 82)', () => {
      const aggregates = result.selection.aggregates;
      const of = (key: string) => aggregates.find((aggregate) => aggregate.dossierId === `demo-scenario-${key}`);
      expect(result.dossier('s12').scores[0].amendedAt).not.toBeNull();
      expect([of('s12')?.aggregate, of('s12')?.median]).toEqual([82, 83]);
      expect([of('s10')?.aggregate, of('s10')?.median]).toEqual([82, 82]);
      expect(result.dossier('s12').status).toBe('awarded');
      expect(result.dossier('s11').closingReason).toBe('reserve 11 in 示范场景; the 10 places are filled');
    });

    it('PRJ-X received ¥600,000 as a model; the scenario standard ¥1,600,000 is topped up by ¥1,000,000', () => {
      expect(result.award('s1')).toMatchObject({ standardFen: 1_600_000 * YUAN, paidFen: 1_000_000 * YUAN, decision: 'top-up' });
      expect(result.award('s2')).toMatchObject({ standardFen: 2_000_000 * YUAN, paidFen: 2_000_000 * YUAN, decision: 'paid' });
      expect(result.award('s3')).toMatchObject({ paidFen: 500_000 * YUAN });
    });
  });

  describe('十大重点企业 (key-enterprise): 基础层 3, 技术层 3, 应用层 4, 重点培养型 10, policy preference', () => {
    const programme: ProgrammeCode = 'key-enterprise';
    let result: YearResult;
    beforeAll(() => {
      const firm = (key: string, organisation: number, tier: string, target: number, area: string, extra: Partial<ApplicantPlan> = {}) =>
        applicant(programme, key, organisation, tier, target, { area, title: `${key}企业`, ...extra });
      result = run(programme, {
        applicants: [
          firm('f1', 401, 'foundation', 92, '算力芯片'),
          firm('f2', 402, 'foundation', 88, '边缘计算芯片'),
          firm('f3', 403, 'foundation', 84, '智能衡器计量'),
          firm('f4', 404, 'foundation', 80, '算力芯片'),
          firm('t1', 405, 'technology', 86, '医疗大模型'),
          firm('t2', 406, 'technology', 70, '具身智能'),
          firm('w1', 413, 'technology', 95, '高质量数据集', { path: 'withdrawn' }),
          firm('a1', 407, 'application', 85, '智能网联汽车'),
          firm('a2', 408, 'application', 78, '文化创意', { path: 'returned' }),
          firm('c1', 409, 'cultivation', 83, '机器视觉'),
          firm('c2', 410, 'cultivation', 76, '智能机器人'),
          firm('c3', 411, 'cultivation', 72, '人形机器人'),
          firm('x1', 412, 'cultivation', 50, '智慧物流'),
        ],
        upheld: 'f1',
        dismissed: 't1',
      });
    });

    it('runs from call to publication', () => expectACompleteYear(result));

    it('ranks within each tier; f1 drops and the 基础层 reserve f4 moves up; below 60 is never listed', () => {
      expect(result.shortlist()).toEqual({
        foundation: { selected: ['f2', 'f3', 'f4'], reserves: [] },
        technology: { selected: ['t1', 't2'], reserves: [] },
        application: { selected: ['a1', 'a2'], reserves: [] },
        cultivation: { selected: ['c1', 'c2', 'c3'], reserves: [] },
      });
      expect(result.dossier('x1').closingReason).toBe('the aggregate score is below the minimum score of 60');
    });

    it('the expert who declared a tie to f1 was never assigned to it', () => {
      expect(result.dossier('f1').assignments.map((assignment) => assignment.expertId)).not.toContain('e8');
    });

    it('awards policy preference (政策倾斜), no money', () => {
      expect(result.decided.awards).toHaveLength(10);
      expect(result.decided.awards.every((line) => line.award.kind === 'policy')).toBe(true);
      expect(result.decided.totalPaidFen).toBe(0);
      expect(result.dossier('f4')).toMatchObject({ status: 'awarded', award: { tier: 'foundation', rank: 3 } });
    });
  });

  describe('十大重点科技创新平台 (innovation-platform), 第二批: 研究型 2, 应用型 1, 创新型 2', () => {
    const programme: ProgrammeCode = 'innovation-platform';
    let result: YearResult;
    beforeAll(() => {
      const platform = (key: string, organisation: number, tier: string, target: number, extra: Partial<ApplicantPlan> = {}) =>
        applicant(programme, key, organisation, tier, target, { area: '具身智能', title: `${key}平台`, ...extra });
      result = run(programme, {
        batch: 2,
        quotas: { research: 2, application: 1, innovation: 2 },
        applicants: [
          platform('r1', 501, 'research', 90),
          platform('r2', 502, 'research', 85),
          platform('r3', 503, 'research', 80),
          platform('p1', 504, 'application', 88),
          platform('p2', 505, 'application', 75),
          platform('n1', 506, 'innovation', 87),
          platform('n2', 507, 'innovation', 82),
          platform('n3', 508, 'innovation', 70),
          platform('n4', 509, 'innovation', 93, { path: 'rejected' }),
        ],
        upheld: 'r1',
        dismissed: 'n1',
      });
    });

    it('runs from call to publication as the second batch', () => {
      expectACompleteYear(result);
      expect(result.selectionId).toBe('innovation-platform-2026-2');
      expect(result.selectionEvents()[0].data).toMatchObject({ batchLabel: '第二批' });
    });

    it('fills each category on its own; r1 drops and r3 moves up within 研究型 only', () => {
      expect(result.shortlist()).toEqual({
        research: { selected: ['r2', 'r3'], reserves: [] },
        application: { selected: ['p1'], reserves: ['p2'] },
        innovation: { selected: ['n1', 'n2'], reserves: ['n3'] },
      });
    });

    it('awards policy preference to the five platforms', () => {
      expect(result.decided.awards.map((line) => [result.keyOf(line.dossierId), line.award.kind])).toEqual([
        ['r2', 'policy'],
        ['r3', 'policy'],
        ['p1', 'policy'],
        ['n1', 'policy'],
        ['n2', 'policy'],
      ]);
    });
  });

  it('every event of the year is plain JSON: no Date, no bigint, no class, no undefined', () => {
    const events = world.allEvents();
    expect(events.length).toBeGreaterThan(500);
    expect(JSON.parse(JSON.stringify(events))).toStrictEqual(events);
  });

  it('over the year every expert in the pool was used and none above the cap', () => {
    const loads = [...results.values()].flatMap((result) => Object.entries(result.started.loads));
    expect(loads.every(([, load]) => load <= 15)).toBe(true);
    expect(new Set(loads.filter(([, load]) => load > 0).map(([id]) => id))).toEqual(
      new Set(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8']),
    );
  });
});
