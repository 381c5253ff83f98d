// 专家抽取 for a whole review: the selection keeps counts, each dossier its record; reserves step in
// in the recorded order when a drawn expert recuses or his score is declared invalid.
import { drawSeedOf, replayDraw } from '../assignment';
import type { DrawRecord } from '../assignment';
import type { ConflictDossier } from '../conflicts';
import { DomainRefusal } from '../shared/refusal';
import type { SelectionCommand, SelectionEvent, StartExpertReview } from '.';
import { REVIEW_DAY, asAdmin, closeFormalReview, closeSubmissions, conflictDossiers, dataOf, dossierIds, experts, openCall, planned, play } from './selection.test-support';

const ids = dossierIds(4);
const beforeReview = (): SelectionEvent[] => play([openCall(), closeSubmissions, closeFormalReview(ids)]);
/** Twelve experts of the dossiers' field (the test pool alternates fields, so 24 in all). */
const pool = experts(24);
const drawReview = (overrides: Partial<StartExpertReview['data']> = {}): StartExpertReview => ({
  type: 'StartExpertReview',
  data: { dossiers: conflictDossiers(ids), experts: pool, seed: '抽签-2026-04-20', draw: { reservesPerDossier: 2 }, ...overrides },
  metadata: asAdmin(REVIEW_DAY),
});

describe('专家抽取: starting review by a random draw', () => {
  it('given passed dossiers, when review starts by draw, then the selection records the method and counts, and each dossier gets a record that replays', () => {
    const decided = planned(beforeReview(), drawReview());
    expect(dataOf(decided.events, 'ExpertReviewStarted')).toMatchObject({
      method: 'draw',
      reservesPerDossier: 2,
      seed: '抽签-2026-04-20',
      assignedCount: 4 * 5,
      unfilledPlaces: 0,
    });
    expect(decided.draws.map((record) => record.dossierId)).toEqual(ids);
    for (const record of decided.draws) {
      expect(record.seed).toBe(drawSeedOf('抽签-2026-04-20', record.dossierId));
      expect(record.drawn).toHaveLength(5);
      expect(record.reserves).toHaveLength(2);
      expect(replayDraw(record).matches).toBe(true);
    }
    expect(decided.plan.assignments).toHaveLength(20);
    expect(decided.plan.assignments.every((pair) => decided.draws.find((r) => r.dossierId === pair.dossierId)!.drawn.includes(pair.expertId))).toBe(true);
  });

  it('the same seed draws the same experts; the balanced planner is untouched without draw', () => {
    const once = planned(beforeReview(), drawReview()).draws;
    expect(planned(beforeReview(), drawReview()).draws).toEqual(once);
    expect(planned(beforeReview(), drawReview({ seed: '另一个种子' })).draws).not.toEqual(once);
    const balanced = planned(beforeReview(), { ...drawReview(), data: { dossiers: conflictDossiers(ids), experts: pool } });
    expect(balanced.draws).toEqual([]);
    expect(dataOf(balanced.events, 'ExpertReviewStarted')).not.toHaveProperty('method');
  });

  it('no expert is drawn beyond the most dossiers per expert: one at the cap is no candidate of later dossiers', () => {
    const many = dossierIds(8);
    const events = play([openCall({ overrides: { quotas: { scenario: 3 }, maxDossiersPerExpert: 4 } }), closeSubmissions, closeFormalReview(many)]);
    const decided = planned(events, { ...drawReview(), data: { ...drawReview().data, dossiers: conflictDossiers(many) } });
    expect(Math.max(...Object.values(decided.plan.loads))).toBeLessThanOrEqual(4);
  });

  it('a pool too small for some dossiers is refused, naming each with its candidates', () => {
    const small = experts(10); // five of the field
    const dossiers: ConflictDossier[] = conflictDossiers(ids).map((d, i) => (i === 1 ? { ...d, excludedExpertIds: ['e-1'] } : d));
    let thrown: unknown;
    try {
      planned(beforeReview(), drawReview({ experts: small, dossiers }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainRefusal);
    expect((thrown as DomainRefusal).code).toBe('draw-pool-too-small');
    expect((thrown as DomainRefusal).details).toEqual({ dossiers: [{ dossierId: 'd-2', candidates: 4, count: 5 }] });
  });

  it('reserves per dossier must be 0 … 10', () => {
    expect(() => planned(beforeReview(), drawReview({ draw: { reservesPerDossier: 11 } }))).toThrow(expect.objectContaining({ code: 'invalid-reserve-count' }));
  });
});

describe('备选专家递补: a drawn expert recuses or his score is declared invalid', () => {
  const inReview = () => {
    const decided = planned(beforeReview(), drawReview());
    return { history: [...beforeReview(), ...decided.events], record: decided.draws[0] };
  };
  /** The replacement round as the application builds it: the dossier with e recused, its record. */
  const replacement = (record: DrawRecord, recused: string[], overrides: { experts?: typeof pool; extraExcluded?: string[] } = {}): SelectionCommand => ({
    type: 'PlanReplacementAssignments',
    data: {
      dossiers: [{ ...conflictDossiers([record.dossierId])[0], recusedExpertIds: recused, excludedExpertIds: overrides.extraExcluded ?? [] }],
      experts: overrides.experts ?? pool,
      existing: record.drawn.filter((id) => !recused.includes(id)).map((expertId) => ({ dossierId: record.dossierId, expertId })),
      draws: [record],
    },
    metadata: asAdmin(REVIEW_DAY),
  });

  it('given a drawn expert recused, when replacements are planned, then the first reserve takes his place', () => {
    const { history, record } = inReview();
    const decided = planned(history, replacement(record, [record.drawn[2]]));
    expect(decided.reserveCalls).toEqual([{ dossierId: record.dossierId, expertId: record.reserves[0], reserveIndex: 0 }]);
    expect(decided.plan.assignments.map((pair) => pair.expertId)).toEqual([record.reserves[0]]);
    expect(dataOf(decided.events, 'ReplacementAssignmentsPlanned')).toMatchObject({ assignedCount: 1, fromReserves: 1, unfilledPlaces: 0 });
  });

  it('given two places freed and the first reserve conflicted by now, then the second reserve comes next and the planner fills the rest', () => {
    const { history, record } = inReview();
    const decided = planned(history, replacement(record, record.drawn.slice(0, 2), { extraExcluded: [record.reserves[0]] }));
    expect(decided.reserveCalls).toEqual([{ dossierId: record.dossierId, expertId: record.reserves[1], reserveIndex: 1 }]);
    expect(decided.plan.assignments).toHaveLength(2);
    const other = decided.plan.assignments.find((pair) => pair.expertId !== record.reserves[1])!;
    expect([...record.drawn, ...record.reserves]).not.toContain(other.expertId);
  });

  it('a dossier planned without a draw keeps the balanced planner', () => {
    const { history, record } = inReview();
    const command = replacement(record, [record.drawn[0]]) as Extract<SelectionCommand, { type: 'PlanReplacementAssignments' }>;
    const decided = planned(history, { ...command, data: { ...command.data, draws: [] } });
    expect(decided.reserveCalls).toEqual([]);
    expect(dataOf(decided.events, 'ReplacementAssignmentsPlanned')).not.toHaveProperty('fromReserves');
  });
});
