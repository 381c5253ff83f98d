// 专家抽取 on the dossier stream: the draw's record is an event (ExpertsDrawn) that anyone replays.
import { drawExperts, replayDraw } from '../assignment';
import type { ConflictExpert } from '../conflicts';
import { foldEvents } from '../shared/decider';
import { conflictDossierOf, dossierDecider, verifyRecordedDraw } from '.';
import type { Dossier, DossierCommand, DossierEvent } from '.';
import { DOSSIER_ID, IN_REVIEW, asAdmin, asApplicant, APPLICANT, assigned, demoRules, expert, facts, given, inReview } from './dossier.test-support';

const pool: ConflictExpert[] = Array.from({ length: 9 }, (_, i) => {
  const { load: _load, ...facts } = expert(`e-${i + 1}`);
  return facts;
});
const dossier = () => conflictDossierOf(foldEvents(dossierDecider, inReview) as Dossier, demoRules);
const recordOf = (seed = '2026-抽取') => drawExperts({ dossier: dossier(), pool, seed, count: 5, reserves: 2 });
const recordDraw = (record = recordOf(), metadata = asAdmin(IN_REVIEW)): DossierCommand => ({
  type: 'RecordDraw',
  data: { dossierId: DOSSIER_ID, selection: facts('expert-review'), record },
  metadata,
});
const drawnEventOf = (events: readonly DossierEvent[]) => events.find((event) => event.type === 'ExpertsDrawn')!.data as Extract<DossierEvent, { type: 'ExpertsDrawn' }>['data'];

describe('专家抽取: the record on the dossier stream', () => {
  it('given a dossier in review, when its draw is recorded, then ExpertsDrawn holds the seed, the candidates, the drawn and the reserves', () => {
    const record = recordOf();
    given(inReview).when(recordDraw(record)).then([
      { type: 'ExpertsDrawn', data: { dossierId: DOSSIER_ID, seed: record.seed, candidates: [...record.candidates], drawn: [...record.drawn], reserves: [...record.reserves], drawnAt: IN_REVIEW } },
    ]);
  });

  it('then replaying the recorded draw from its event alone reproduces the drawn experts and reserves', () => {
    const record = recordOf();
    const stored = JSON.parse(JSON.stringify(drawnEventOf(given(inReview).when(recordDraw(record)).events()))) as ReturnType<typeof drawnEventOf>;
    expect(replayDraw(stored)).toEqual({ drawn: record.drawn, reserves: record.reserves, matches: true });
  });

  it('and a tampered record (a reserve swapped in for a drawn expert, or a candidate dropped) is detected', () => {
    const stored = drawnEventOf(given(inReview).when(recordDraw()).events());
    expect(replayDraw({ ...stored, drawn: [stored.reserves[0], ...stored.drawn.slice(1)] }).matches).toBe(false);
    expect(replayDraw({ ...stored, candidates: stored.candidates.filter((id) => id !== stored.drawn[0]) }).matches).toBe(false);
  });

  it('a record that does not replay is refused and never stored', () => {
    const record = recordOf();
    given(inReview).when(recordDraw({ ...record, drawn: [...record.drawn].reverse() })).thenRefused('draw-record-invalid');
    given(inReview).when(recordDraw({ ...record, dossierId: 'd-other' })).thenRefused('draw-record-invalid');
  });

  it('a draw is made once, before any assignment; only the admin draws; only during expert review', () => {
    const history = [...inReview, ...given(inReview).when(recordDraw()).events()];
    given(history).when(recordDraw()).thenRefused('draw-already-recorded');
    given([...inReview, assigned('e-1')]).when(recordDraw()).thenRefused('draw-already-recorded');
    given(inReview).when(recordDraw(recordOf(), asApplicant(APPLICANT, IN_REVIEW))).thenRefused('forbidden');
    given(inReview).when({ ...recordDraw(), data: { ...(recordDraw().data as object), selection: facts('formal-review-closed') } } as DossierCommand).thenRefused('wrong-phase');
  });

  it('given a drawn dossier, a reserve is assigned with his place in the record; another expert cannot claim that place', () => {
    const record = recordOf();
    const history = [...inReview, ...given(inReview).when(recordDraw(record)).events()];
    const reserve = record.reserves[1];
    const assign = (expertId: string): DossierCommand => ({
      type: 'AssignExpert',
      data: { dossierId: DOSSIER_ID, selection: facts('expert-review'), expert: expert(expertId), drawReserve: 1 },
      metadata: asAdmin(IN_REVIEW),
    });
    const events = given(history).when(assign(reserve)).events();
    expect(events).toEqual([{ type: 'ExpertAssigned', data: { dossierId: DOSSIER_ID, expertId: reserve, fieldMatch: true, drawReserve: 1, assignedAt: IN_REVIEW } }]);
    given(history).when(assign(record.reserves[0])).thenRefused('not-a-draw-reserve');
    const folded = foldEvents(dossierDecider, [...history, ...events]) as Dossier;
    expect(folded.draw).toMatchObject({ seed: record.seed, reserves: record.reserves });
  });
});

describe('专家抽取: verifying a dossier stream', () => {
  const drawnStream = () => {
    const record = recordOf();
    const history = [...inReview, ...given(inReview).when(recordDraw(record)).events(), ...record.drawn.map((id) => assigned(id))];
    return { record, history };
  };

  it('given the recorded stream, the verification replays the draw and finds the assignments follow it', () => {
    const { record, history } = drawnStream();
    const stored = JSON.parse(JSON.stringify(history)) as DossierEvent[];
    expect(verifyRecordedDraw(stored)).toMatchObject({
      dossierId: DOSSIER_ID,
      seed: record.seed,
      replayed: { drawn: record.drawn, reserves: record.reserves },
      reproduces: true,
      reservesCalled: [],
      assignmentsFollowRecord: true,
    });
  });

  it('a tampered event is found out: drawn experts the seed does not give, or a reserve assigned out of turn', () => {
    const { record, history } = drawnStream();
    const tampered = history.map((event) =>
      event.type === 'ExpertsDrawn' ? { ...event, data: { ...event.data, drawn: [record.reserves[0], ...record.drawn.slice(1)] } } : event,
    );
    expect(verifyRecordedDraw(tampered)).toMatchObject({ reproduces: false });
    const outOfTurn: DossierEvent = { type: 'ExpertAssigned', data: { dossierId: DOSSIER_ID, expertId: record.reserves[1], fieldMatch: true, drawReserve: 0, assignedAt: IN_REVIEW } };
    expect(verifyRecordedDraw([...history, outOfTurn])).toMatchObject({ reproduces: true, assignmentsFollowRecord: false });
  });

  it('a dossier whose experts were planned, not drawn, has no draw to verify', () => {
    expect(verifyRecordedDraw([...inReview, assigned('e-1')])).toBeNull();
  });
});
