/**
 * 不重复享受 under concurrency: two selections of the same year share applicants and are decided by
 * two `POST …/awards` sent at the same moment, round after round. Whatever order the store commits
 * them in, a project is never paid more than the higher of its standards (就高原则): one decision
 * pays in full, the other pays the difference or nothing.
 *
 * Each round writes two fresh selections (batch N of 十大示范场景 and 高质量数据集 of 2026) up to the
 * end of their notice straight into the store, built by the real deciders (full-year.test-support),
 * then races the two award decisions through HTTP.
 */
import { seedRules } from '@app/domain/programmes/programmes.test-support';
import type { ProgrammeCode } from '@app/domain/programmes';
import { createWorld, T } from '@app/domain/selection/full-year.test-support';
import type { ApplicantPlan } from '@app/domain/selection/full-year.test-support';
import { calendarYears } from '@app/domain/selection/selection.test-support';
import { ConcurrencyError } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { testDatabaseKinds } from '../support/test-databases';
import { AuthenticatedClient, startTestApp, TestApp } from '../support/test-app';
import { worldWriter } from './write-world';

const ROUNDS = 12;
const YUAN = 100;
const AREA = 'AI+交通';

function fieldsFor(programme: ProgrammeCode, name: string): Record<string, string> {
  const rules = seedRules(programme);
  return Object.fromEntries(rules.fields.map((field) => [field.code, field.code === rules.expertiseField ? AREA : `${name}的${field.name}`]));
}

interface SharedProject {
  readonly organisation: number;
  readonly title: string;
  readonly projectCode: string;
  /** The standard each programme gives it: min(20 % × 核定投资额, cap). */
  readonly standards: Readonly<Partial<Record<ProgrammeCode, number>>>;
}

/**
 * Two projects on both lists, as in the issue: P 1,600,000 + 600,000 (就高: 1,600,000), Q 1,000,000 +
 * 800,000 (就高: 1,000,000); one applicant on each list alone.
 */
function roundPlan(round: number) {
  const base = 5000 + round * 10;
  const p: SharedProject = { organisation: base + 1, title: `第${round}轮智慧港口调度`, projectCode: `XM-${round}-P`, standards: { 'demo-scenario': 1_600_000 * YUAN, dataset: 600_000 * YUAN } };
  const q: SharedProject = { organisation: base + 2, title: `第${round}轮工业质检`, projectCode: `XM-${round}-Q`, standards: { 'demo-scenario': 1_000_000 * YUAN, dataset: 800_000 * YUAN } };
  const applicant = (programme: ProgrammeCode, key: string, organisation: number, title: string, approvedFen: number, target: number, projectCode?: string): ApplicantPlan => ({
    key: `${round}-${key}`,
    organisation,
    tier: seedRules(programme).tiers[0].code,
    title,
    ...(projectCode ? { projectCode } : {}),
    fields: fieldsFor(programme, title),
    declaredFen: approvedFen,
    approvedFen,
    target,
  });
  // 20 % of the approved investment gives the standard (below the cap).
  const approved = (standardFen: number) => standardFen * 5;
  const plans = (['demo-scenario', 'dataset'] as const).map((programme) => ({
    programme,
    batch: round,
    quotas: { [seedRules(programme).tiers[0].code]: 3 },
    stopAfterNotice: true,
    applicants: [
      applicant(programme, 'p', p.organisation, p.title, approved(p.standards[programme]!), 90, p.projectCode),
      applicant(programme, 'q', q.organisation, q.title, approved(q.standards[programme]!), 85, q.projectCode),
      applicant(programme, 'solo', base + (programme === 'dataset' ? 4 : 3), `第${round}轮独立项目`, approved(300_000 * YUAN), 80),
    ],
  }));
  return { plans, shared: [p, q] };
}

for (const kind of testDatabaseKinds()) {
  describe(`two award decisions at the same moment on ${kind}`, () => {
    let t: TestApp;
    let admin: AuthenticatedClient;
    const world = createWorld(calendarYears);

    beforeAll(async () => {
      t = await startTestApp(kind, T.open);
      admin = await t.asAdmin();
      world.registerExperts(['e1', 'e2', 'e3', 'e4', 'e5', 'e6'].map((expertId, i) => ({ expertId, organisation: 990 + i, fields: [AREA] })));
    });
    afterAll(async () => t?.close());

    const writeWorld = worldWriter(world, () => t);

    it(`never pays a project more than 就高 allows, in ${ROUNDS} rounds of two concurrent decisions`, async () => {
      const outcomes: string[] = [];
      // Counts the appends the store refused because a rival committed first (the spy calls through).
      let conflicts = 0;
      const store = t.store as { appendMany: EventStore['appendMany'] };
      const appendMany = store.appendMany.bind(t.store);
      store.appendMany = async (appends) => {
        try {
          return await appendMany(appends);
        } catch (error) {
          if (error instanceof ConcurrencyError) conflicts += 1;
          throw error;
        }
      };
      for (let round = 1; round <= ROUNDS; round += 1) {
        const { plans, shared } = roundPlan(round);
        const selectionIds = plans.map((plan) => world.runToNotice(plan).selectionId);
        await writeWorld();
        t.clock.set(T.decideAwards);

        const responses = await Promise.all(selectionIds.map((selectionId) => admin.post(`/api/v1/selections/${selectionId}/awards`)));
        expect(responses.map((response) => `${response.status} ${response.status === 201 ? '' : JSON.stringify(response.body)}`)).toEqual(['201 ', '201 ']);

        const lists = await Promise.all(selectionIds.map(async (selectionId) => (await admin.get(`/api/v1/selections/${selectionId}/awards`).expect(200)).body));
        const lines = lists.flatMap((list) => list.awards as { creditCode: string; projectTitle: string; standardFen: number; paidFen: number; decision: string }[]);
        for (const project of shared) {
          const ofProject = lines.filter((line) => line.projectTitle === project.title);
          expect(ofProject).toHaveLength(2);
          const higher = Math.max(...Object.values(project.standards));
          // 就高原则: together exactly the higher standard, never more.
          expect({ round, project: project.title, paid: ofProject.reduce((sum, line) => sum + line.paidFen, 0) }).toEqual({ round, project: project.title, paid: higher });
        }
        outcomes.push(lines.map((line) => line.decision).join(','));
      }
      store.appendMany = appendMany;
      // In every round one decision came second and paid the difference or nothing.
      expect(outcomes.every((outcome) => /top-up|not-paid/.test(outcome))).toBe(true);
      // The decisions really raced: some appends were refused on a fund ledger's revision and retried.
      expect({ conflicts: conflicts > 0 }).toEqual({ conflicts: true });
    });
  });
}
