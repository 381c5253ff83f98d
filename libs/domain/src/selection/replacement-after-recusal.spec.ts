// Bug (issue 14, item 4): after an expert recused from one dossier only (no conflict declared on his
// organisation), 补充分配专家 planned the same expert for that dossier again, and the assignment
// was then refused with expert-recused. The planner must keep a recused expert away from the dossier
// he left, and say so when that leaves the place empty.
import { assigned, inReview, DOSSIER_ID } from '../dossier/dossier.test-support';
import { conflictDossierOf, dossierDecider } from '../dossier';
import type { Dossier, DossierEvent } from '../dossier';
import { foldEvents } from '../shared/decider';
import type { SelectionCommand } from './selection.commands';
import { REVIEW_DAY, asAdmin, closeFormalReview, closeSubmissions, dataOf, experts, openCall, planned, play, startExpertReview } from './selection.test-support';

const smallCall = openCall({ overrides: { quotas: { scenario: 3 } } });
const inExpertReview = () => play([smallCall, closeSubmissions, closeFormalReview([DOSSIER_ID]), startExpertReview([DOSSIER_ID], experts(5))]);

const recusedFromDossierOnly: DossierEvent = {
  type: 'ExpertRecused',
  data: { dossierId: DOSSIER_ID, expertId: 'e-1', reason: '曾参与该项目的前期咨询', scoreDiscarded: false, recusedAt: REVIEW_DAY },
};

/** The dossier as its stream folds it: five experts assigned, then e-1 recused from this dossier only. */
const dossier = foldEvents(dossierDecider, [...inReview, ...['e-1', 'e-2', 'e-3', 'e-4', 'e-5'].map((id) => assigned(id)), recusedFromDossierOnly]) as Dossier;

/** PlanReplacementAssignments as the application builds it from the dossier stream. */
const replacementRound = (): SelectionCommand => ({
  type: 'PlanReplacementAssignments',
  data: {
    dossiers: [conflictDossierOf(dossier, { expertiseField: 'industry' })],
    experts: experts(5),
    existing: dossier.assignments.filter((a) => a.status === 'assigned').map((a) => ({ dossierId: DOSSIER_ID, expertId: a.expertId })),
  },
  metadata: asAdmin(REVIEW_DAY),
});

describe('replacement after a dossier-only recusal', () => {
  it('given e-1 recused from d-1 only, when replacements are planned, then e-1 is not planned for d-1 again', () => {
    const { plan, events } = planned(inExpertReview(), replacementRound());
    expect(dataOf(events, 'ReplacementAssignmentsPlanned')).toMatchObject({ assignedCount: 0, unfilledPlaces: 1, unfilledDossierIds: [DOSSIER_ID] });
    expect(plan.assignments).toEqual([]);
    expect(plan.unfilled).toEqual([{ dossierId: DOSSIER_ID, missing: 1, reason: expect.stringContaining('recused from this dossier: e-1') }]);
  });

  it('given a sixth expert in the pool, when replacements are planned, then he takes the freed place', () => {
    const command = replacementRound() as Extract<SelectionCommand, { type: 'PlanReplacementAssignments' }>;
    const withSixth = { ...command, data: { ...command.data, experts: experts(6) } };
    expect(planned(inExpertReview(), withSixth).plan.assignments.map((a) => a.expertId)).toEqual(['e-6']);
  });
});
