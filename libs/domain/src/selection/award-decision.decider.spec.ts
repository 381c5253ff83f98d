import { foldEvents } from '../shared/decider';
import type { DossierCommand } from '../dossier/dossier.commands';
import { dossierDecider } from '../dossier/dossier.decider';
import type { DossierAwardRecord, DossierEvent } from '../dossier/dossier.events';
import type { Dossier } from '../dossier/dossier.state';
import { DOSSIER_ID, IN_NOTICE, assigned, asAdmin, facts, inReview, objectionFiled, scored } from '../dossier/dossier.test-support';
import { asSystem } from './actors.test-support';
import { awardDecisionDecider } from './award-decision.decider';
import { givenWhenThen } from './given-when-then.test-support';

const given = givenWhenThen(awardDecisionDecider);
const givenWhole = givenWhenThen(dossierDecider);

const scoredDossier: DossierEvent[] = [...inReview, ...['e1', 'e2', 'e3'].flatMap((expertId) => [assigned(expertId), scored(expertId)])];

const money: DossierAwardRecord = {
  kind: 'money',
  approvedInvestmentFen: 4_000_000_000,
  standardFen: 200_000_000,
  paidFen: 200_000_000,
  decision: 'paid',
  reason: '按核定投资额的20%,最高200万元',
};

const award = (overrides: Partial<{ tier: string; rank: number; award: DossierAwardRecord }> = {}): DossierCommand => ({
  type: 'AwardDossier',
  data: { dossierId: DOSSIER_ID, selection: facts('awards-decided'), tier: 'scenario', rank: 1, award: money, ...overrides },
  metadata: asSystem(),
});

const notAward: DossierCommand = {
  type: 'NotAwardDossier',
  data: { dossierId: DOSSIER_ID, selection: facts('awards-decided'), reason: '排名在名额之外' },
  metadata: asSystem(),
};

const dismissed: DossierEvent = {
  type: 'ObjectionDismissed',
  data: { dossierId: DOSSIER_ID, objectionId: 'o-1', finding: '经核查不属实', decidedBy: 'admin-1', decidedAt: IN_NOTICE },
};

describe('the award decision fold (DecideAwards decides on the dossier without its content, attachments, assignments and scores)', () => {
  it('given a scored dossier, when it is awarded or not, then the events are those of the whole dossier', () => {
    for (const command of [award(), notAward]) {
      given(scoredDossier).when(command).then(givenWhole(scoredDossier).when(command).events());
    }
  });

  it('given a dismissed objection, when it is awarded, then the events are those of the whole dossier', () => {
    const history = [...scoredDossier, objectionFiled(), dismissed];
    given(history).when(award({ rank: 2 })).then(givenWhole(history).when(award({ rank: 2 })).events());
  });

  it('refuses what the whole dossier refuses: an open objection, another tier, another approved investment', () => {
    given([...scoredDossier, objectionFiled()]).when(award()).thenRefused('objection-open');
    given(scoredDossier).when(award({ tier: 'other' })).thenRefused('wrong-tier');
    given(scoredDossier).when(award({ award: { ...money, approvedInvestmentFen: 1 } })).thenRefused('invalid-award', 'approved investment');
    given([]).when(notAward).thenRefused('dossier-not-found');
  });

  it('keeps no content, attachments, assignments or scores, and the facts an award decides on as the whole fold has them', () => {
    const whole = foldEvents(dossierDecider, [...scoredDossier, objectionFiled()]) as Dossier;
    const kept = foldEvents(awardDecisionDecider, [...scoredDossier, objectionFiled()]) as Dossier;
    expect(whole.attachments.length + whole.assignments.length + whole.scores.length).toBeGreaterThan(0);
    expect({ fields: kept.fields, attachments: kept.attachments, assignments: kept.assignments, scores: kept.scores }).toEqual({
      fields: {},
      attachments: [],
      assignments: [],
      scores: [],
    });
    const facts = (dossier: Dossier) => {
      const { status, dossierId, selectionId, tier, applicantCreditCode, projectCode, title, approvedInvestmentFen, objections, award: awarded } = dossier;
      return { status, dossierId, selectionId, tier, applicantCreditCode, projectCode, title, approvedInvestmentFen, objections, awarded };
    };
    expect(facts(kept)).toEqual(facts(whole));
  });

  it('decides nothing but awards: any other command is a programming error', () => {
    const edit = { type: 'WithdrawDossier', data: { dossierId: DOSSIER_ID, selection: facts('open'), reason: 'x' }, metadata: asAdmin() } as DossierCommand;
    expect(() => awardDecisionDecider.decide(edit, foldEvents(awardDecisionDecider, scoredDossier))).toThrow(/AwardDossier and NotAwardDossier/);
  });
});
