/**
 * 2026 十大示范场景 run in two stages through the deciders, as NSFC 第十四条/第十五条 and provincial
 * award programmes do: 通讯评审 by five experts per dossier puts the top five forward (and the dossier
 * tied with the fifth), then 会议评审 with a defence (答辩) before a named panel. The final ranking is
 * 40 % online + 60 % panel; an applicant who misses the defence scores zero in the panel stage, as the
 * call says. Then 公示 with an upheld objection and 递补, awards and publication, as every year.
 */
import { TWO_STAGES } from '../programmes/review-stages.test-support';
import type { Dossier } from '../dossier';
import { seedRules } from '../programmes/programmes.test-support';
import { calendarYears } from './selection.test-support';
import { ApplicantPlan, createWorld, ExpertPlan } from './full-year.test-support';
import type { SelectionEvent } from './selection.events';
import { stageBoardsOf } from './stage-boards';

const YUAN = 100;
const programme = 'demo-scenario';

function applicant(key: string, organisation: number, target: number, extra: Partial<ApplicantPlan> = {}): ApplicantPlan {
  const rules = seedRules(programme);
  const title = `${key}示范场景`;
  return {
    key,
    organisation,
    tier: 'scenario',
    target,
    title,
    fields: Object.fromEntries(rules.fields.map((field) => [field.code, field.code === rules.expertiseField ? 'AI+离散型制造' : `${title}的${field.name}`])),
    declaredFen: 5_000_000 * YUAN,
    approvedFen: 4_000_000 * YUAN,
    ...extra,
  };
}

const ONLINE_EXPERTS: ExpertPlan[] = Array.from({ length: 8 }, (_, i) => ({ expertId: `e${i + 1}`, organisation: 901 + i, fields: ['AI+离散型制造'] }));
// p5 works for the applicant of s2 (organisation 702): recused from s2 only, he sits on the panel for the others.
const PANEL: ExpertPlan[] = [1, 2, 3, 4, 5].map((n) => ({ expertId: `p${n}`, organisation: n === 5 ? 702 : 950 + n, fields: ['智能制造'] }));

const world = createWorld(calendarYears);
world.registerExperts([...ONLINE_EXPERTS, ...PANEL]);
const result = world.runSelection({
  programme,
  quotas: { scenario: 3 },
  overrides: {
    stages: [{ ...TWO_STAGES[0], advance: { kind: 'top-per-tier', perTier: 5 } }, TWO_STAGES[1]] as never,
    finalRanking: { kind: 'weighted', percentByStage: { online: 40, panel: 60 } },
  },
  applicants: [
    applicant('s1', 701, 92),
    applicant('s2', 702, 88),
    applicant('s3', 703, 85),
    applicant('s4', 704, 83),
    applicant('s5', 705, 81),
    applicant('s6', 706, 81),
    applicant('s7', 707, 70),
    applicant('s8', 708, 55),
  ],
  panel: { members: ['p1', 'p2', 'p3', 'p4', 'p5'], targets: { s1: 70, s2: 90, s3: 86, s4: 80, s5: 95, s6: 84 }, noShow: 's5' },
  upheld: 's3',
});
const id = (key: string) => `${programme}-${key}`;
const keys = (ids: readonly string[]) => ids.map((dossierId) => result.keyOf(dossierId));
const dataOf = <T extends SelectionEvent['type']>(type: T) =>
  result.selectionEvents().find((event) => event.type === type)!.data as Extract<SelectionEvent, { type: T }>['data'];

describe('a two-stage year: 通讯评审 → 会议评审 with defence (十大示范场景 2026)', () => {
  it('runs from call to publication through both stages', () => {
    expect(result.selectionEvents().map((event) => event.type)).toEqual([
      'SelectionOpened',
      'SubmissionsClosed',
      'FormalReviewClosed',
      'ExpertReviewStarted',
      'ReviewStageClosed',
      'PanelFormed',
      'ReviewClosed',
      'PublicNoticeStarted',
      'ShortlistEntryDropped',
      'AwardsDecided',
      'AwardsPublished',
    ]);
    expect(result.selection.phase).toBe('published');
    expect(result.selection.stage).toBe(2);
  });

  it('the online stage puts forward the top five and s6, tied with the fifth; the selection keeps ids and one aggregate each', () => {
    const closed = dataOf('ReviewStageClosed');
    expect(closed.forwarded).toEqual(
      [['s1', 92], ['s2', 88], ['s3', 85], ['s4', 83], ['s5', 81], ['s6', 81]].map(([key, aggregate]) => ({ dossierId: id(key as string), tier: 'scenario', aggregate })),
    );
    expect(closed.notForwardedCount).toBe(2);
    // No score, point or comment on the selection stream: those stay on the dossiers.
    expect(JSON.stringify(result.selectionEvents())).not.toMatch(/"points"|"comment"/);
  });

  it('the panel is named and checked against every dossier it sees; p5 is recused from s2 only', () => {
    expect(dataOf('PanelFormed')).toMatchObject({ stage: 2, name: '会议评审专家组', expertIds: ['p1', 'p2', 'p3', 'p4', 'p5'], recusedSeats: 1 });
    const seats = (key: string) => result.events(key).find((event) => event.type === 'PanelSeated')?.data;
    expect(seats('s2')).toMatchObject({ expertIds: ['p1', 'p2', 'p3', 'p4'], recused: [{ expertId: 'p5', reason: '与申报单位为同一单位,回避' }] });
    expect(seats('s1')).toMatchObject({ expertIds: ['p1', 'p2', 'p3', 'p4', 'p5'], recused: [] });
    expect(seats('s7')).toBeUndefined();
  });

  it('defences are scheduled in order and attendance recorded; s5 missed it and took no panel score', () => {
    const slot = (key: string) => (result.dossier(key) as Dossier).laterStages?.[0];
    expect(slot('s1')).toMatchObject({ defence: { date: '2026-04-27', startTime: '09:00', order: 1 }, attendance: 'attended' });
    expect(slot('s6')).toMatchObject({ defence: { order: 6 }, attendance: 'attended' });
    expect(slot('s5')).toMatchObject({ attendance: 'absent', scores: [] });
  });

  it('panel scores carry their stage and use the panel rubric; the online scores stay as they were', () => {
    const s2 = result.dossier('s2');
    expect(s2.scores).toHaveLength(5);
    expect(s2.laterStages?.[0].scores.map((score) => [score.expertId, score.total])).toEqual([
      ['p1', 91],
      ['p2', 89],
      ['p3', 92],
      ['p4', 88],
    ]);
    const panelScores = result.events('s2').filter((event) => event.type === 'ScoreSubmitted' && event.data.stage === 2);
    expect(panelScores).toHaveLength(4);
    expect(Object.keys((panelScores[0].data as { points: object }).points)).toEqual(['defence', 'feasibility', 'impact', 'team']);
  });

  it('ranks by 40 % online + 60 % panel; the no-show scores zero in the panel and falls below the minimum', () => {
    const closed = dataOf('ReviewClosed');
    expect(closed.stage).toBe(2);
    const [tier] = closed.shortlist.tiers;
    // s2: 0.4×88 + 0.6×90 = 89.2; s3: 34 + 51.6 = 85.6; s6: 32.4 + 50.4 = 82.8; s4: 33.2 + 48 = 81.2; s1: 36.8 + 42 = 78.8
    expect(tier.selected.map((entry) => [result.keyOf(entry.dossierId), entry.aggregate])).toEqual([
      ['s2', 89.2],
      ['s3', 85.6],
      ['s6', 82.8],
    ]);
    expect(tier.reserves.map((entry) => [result.keyOf(entry.dossierId), entry.aggregate])).toEqual([
      ['s4', 81.2],
      ['s1', 78.8],
    ]);
    expect(keys(closed.shortlist.belowThreshold)).toEqual(['s5']);
  });

  it('an upheld objection drops s3 and the first reserve s4 moves up; the three are paid 20 % of 核定投资额', () => {
    expect(result.dropped).toMatchObject({ data: { dossierId: id('s3'), promoted: { dossierId: id('s4'), rank: 3 } } });
    expect(keys(result.decided.awards.map((line) => line.dossierId))).toEqual(['s2', 's6', 's4']);
    for (const key of ['s2', 's6', 's4']) expect(result.award(key)).toMatchObject({ paidFen: 800_000 * YUAN, decision: 'paid' });
  });

  it('the scoreboard of each stage and the combined one show what the deciders decided', () => {
    const all = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'].map((key) => result.dossier(key));
    const { stages, combined } = stageBoardsOf(result.selection, all);
    expect(stages.map((board) => [board.code, board.kind, board.status, board.rows.length])).toEqual([
      ['online', 'online', 'closed', 8],
      ['panel', 'site-visit-or-defence', 'closed', 6],
    ]);
    expect(stages[0].rows.map((row) => [result.keyOf(row.dossierId), row.aggregate?.aggregate, row.forwarded])).toEqual([
      ['s1', 92, true],
      ['s2', 88, true],
      ['s3', 85, true],
      ['s4', 83, true],
      ['s5', 81, true],
      ['s6', 81, true],
      ['s7', 70, false],
      ['s8', 55, false],
    ]);
    expect(stages[1].rows.find((row) => row.dossierId === id('s5'))).toMatchObject({ count: 0, aggregate: null, defence: 'absent' });
    expect(combined.map((row) => [result.keyOf(row.dossierId), row.byStage, row.final])).toEqual([
      ['s2', { online: 88, panel: 90 }, 89.2],
      ['s3', { online: 85, panel: 86 }, 85.6],
      ['s6', { online: 81, panel: 84 }, 82.8],
      ['s4', { online: 83, panel: 80 }, 81.2],
      ['s1', { online: 92, panel: 70 }, 78.8],
      ['s5', { online: 81, panel: 0 }, 32.4],
    ]);
  });
});
