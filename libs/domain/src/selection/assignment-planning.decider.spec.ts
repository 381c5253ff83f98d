import { drawExperts } from '../assignment';
import type { ConflictExpert } from '../conflicts';
import { foldEvents } from '../shared/decider';
import { conflictDossierOf } from '../dossier/decide-expert-review';
import type { DossierCommand, ExpertFacts } from '../dossier/dossier.commands';
import { dossierDecider } from '../dossier/dossier.decider';
import type { DossierEvent } from '../dossier/dossier.events';
import type { Dossier } from '../dossier/dossier.state';
import {
  APPLICANT,
  DOSSIER_ID,
  IN_REVIEW,
  NOW,
  asAdmin,
  assigned,
  complete,
  demoRules,
  expert,
  facts,
  inReview,
  objectionFiled,
  returned,
  scored,
  submitted,
} from '../dossier/dossier.test-support';
import { assignmentPlanningDecider } from './assignment-planning.decider';
import { givenWhenThen } from './given-when-then.test-support';

const planning = assignmentPlanningDecider(demoRules);
const given = givenWhenThen(planning);
const givenWhole = givenWhenThen(dossierDecider);

const assign = (expertId: string, overrides: Partial<ExpertFacts> = {}, drawReserve?: number): DossierCommand => ({
  type: 'AssignExpert',
  data: { dossierId: DOSSIER_ID, selection: facts('expert-review'), expert: expert(expertId, overrides), ...(drawReserve !== undefined ? { drawReserve } : {}) },
  metadata: asAdmin(IN_REVIEW),
});

const recusedEvent = (expertId: string): DossierEvent => ({
  type: 'ExpertRecused',
  data: { dossierId: DOSSIER_ID, expertId, reason: '发现曾任申报单位顾问', scoreDiscarded: true, recusedAt: NOW },
});

const edited = (fields: Record<string, string>): DossierEvent => ({
  type: 'DossierEdited',
  data: { dossierId: DOSSIER_ID, changes: { fields }, editedAt: NOW },
} as DossierEvent);

const pool: ConflictExpert[] = Array.from({ length: 9 }, (_, i) => {
  const { load: _load, ...facts } = expert(`e-${i + 1}`);
  return facts;
});
const recordOf = (history: readonly DossierEvent[]) =>
  drawExperts({ dossier: conflictDossierOf(foldEvents(dossierDecider, history) as Dossier, demoRules), pool, seed: '2026-抽取', count: 5, reserves: 2 });
const recordDraw = (record: ReturnType<typeof recordOf>): DossierCommand => ({
  type: 'RecordDraw',
  data: { dossierId: DOSSIER_ID, selection: facts('expert-review'), record },
  metadata: asAdmin(IN_REVIEW),
});

/** A replacement round's dossier: scored by two, one of them recused, his place free. */
const replacementRound: DossierEvent[] = [...inReview, assigned('e1'), scored('e1'), assigned('e2'), scored('e2'), recusedEvent('e1')];
const drawnHistory = (): DossierEvent[] => [...inReview, ...givenWhole(inReview).when(recordDraw(recordOf(inReview))).events()];

describe('the assignment planning fold (a plan decides AssignExpert and RecordDraw without the content, attachments and scores)', () => {
  it('given a passed dossier, when an expert is assigned or a draw recorded, then the events are those of the whole dossier', () => {
    for (const command of [assign('e1'), assign('e2', { fields: ['医疗'] }), recordDraw(recordOf(inReview))]) {
      given(inReview).when(command).then(givenWhole(inReview).when(command).events());
    }
  });

  it('given a replacement round (a recused expert, scores), when a free place is filled, then the events are those of the whole dossier', () => {
    given(replacementRound).when(assign('e3')).then(givenWhole(replacementRound).when(assign('e3')).events());
  });

  it('given a drawn dossier, when a reserve takes his place, then the events are those of the whole dossier', () => {
    const history = drawnHistory();
    const reserve = recordOf(inReview).reserves[1];
    given(history).when(assign(reserve, {}, 1)).then(givenWhole(history).when(assign(reserve, {}, 1)).events());
  });

  it('given an edit of the expertise field, then the field match is the edited one, as on the whole dossier', () => {
    const history = [...complete, edited({ domain: '医疗', description: '' }), submitted(), ...inReview.slice(complete.length + 1)];
    const whole = givenWhole(history).when(assign('e1', { fields: ['医疗'] })).events();
    expect(whole[0].data).toMatchObject({ fieldMatch: true });
    given(history).when(assign('e1', { fields: ['医疗'] })).then(whole);
  });

  it('refuses what the whole dossier refuses', () => {
    const five = ['e1', 'e2', 'e3', 'e4', 'e5'].map((id) => assigned(id));
    const cases: [DossierEvent[], DossierCommand, string][] = [
      [[...inReview, assigned('e1')], assign('e1'), 'expert-already-assigned'],
      [replacementRound, assign('e1'), 'expert-recused'],
      [[...inReview, ...five], assign('e6'), 'assignment-slots-full'],
      [inReview, assign('e1', { load: demoRules.maxDossiersPerExpert }), 'expert-load-full'],
      [inReview, assign('e1', { organisationCreditCode: APPLICANT }), 'conflict-of-interest'],
      [inReview, assign('e-excluded'), 'conflict-of-interest'],
      [inReview, assign('e1', { active: false }), 'expert-deactivated'],
      [[...complete, submitted(), returned], assign('e1'), 'wrong-status'],
      [drawnHistory(), assign(recordOf(inReview).reserves[0], {}, 1), 'not-a-draw-reserve'],
      [drawnHistory(), recordDraw(recordOf(inReview)), 'draw-already-recorded'],
      [[...inReview, assigned('e1')], recordDraw(recordOf(inReview)), 'draw-already-recorded'],
      [[], assign('e1'), 'dossier-not-found'],
    ];
    for (const [history, command, code] of cases) {
      const whole = givenWhole(history).when(command).thenRefused(code);
      given(history).when(command).thenRefused(code, whole.message);
    }
  });

  it('keeps no attachments, scores, objections or content but the expertise field, and what a plan decides on as the whole fold has them', () => {
    const history = [...replacementRound, objectionFiled()];
    const whole = foldEvents(dossierDecider, history) as Dossier;
    const kept = foldEvents(planning, history) as Dossier;
    expect(whole.attachments.length * whole.scores.length * whole.objections.length * (Object.keys(whole.fields).length - 1)).toBeGreaterThan(0);
    expect({ fields: kept.fields, attachments: kept.attachments, scores: kept.scores, objections: kept.objections }).toEqual({
      fields: { [demoRules.expertiseField]: whole.fields[demoRules.expertiseField] },
      attachments: [],
      scores: [],
      objections: [],
    });
    const planned = (dossier: Dossier) => {
      const { status, dossierId, selectionId, applicantCreditCode, assignments, draw } = dossier;
      return { status, dossierId, selectionId, applicantCreditCode, assignments, draw, conflict: conflictDossierOf(dossier, demoRules) };
    };
    expect(planned(kept)).toEqual(planned(whole));
    const drawn = drawnHistory();
    expect(planned(foldEvents(planning, drawn) as Dossier)).toEqual(planned(foldEvents(dossierDecider, drawn) as Dossier));
  });

  it('decides nothing but assignments and draws, and only under the rules it was folded for: anything else is a programming error', () => {
    const withdraw = { type: 'WithdrawDossier', data: { dossierId: DOSSIER_ID, selection: facts('open'), reason: 'x' }, metadata: asAdmin() } as DossierCommand;
    expect(() => planning.decide(withdraw, foldEvents(planning, inReview))).toThrow(/AssignExpert and RecordDraw/);
    const otherField = { ...assign('e1'), data: { ...(assign('e1').data as object), selection: facts('expert-review', { rules: { ...demoRules, expertiseField: 'sceneName' } }) } } as DossierCommand;
    expect(() => planning.decide(otherField, foldEvents(planning, inReview))).toThrow(/expertise field/);
  });
});
