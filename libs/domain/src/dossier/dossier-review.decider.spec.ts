import { foldEvents } from '../shared/decider';
import { conflictDossierOf } from './decide-expert-review';
import type { DossierCommand } from './dossier.commands';
import { dossierDecider } from './dossier.decider';
import type { DossierEvent } from './dossier.events';
import type { Dossier } from './dossier.state';
import { reviewInputOf } from './dossier.views';
import {
  APPLICANT,
  DOSSIER_ID,
  IN_REVIEW,
  NOW,
  OTHER_ORGANISATION,
  POINTS,
  applicant,
  asAdmin,
  asExpert,
  assigned,
  complete,
  demoRules,
  drafted,
  expert,
  facts,
  factsOf,
  given,
  inReview,
  passed,
  returned,
  scoreCommand,
  signedBy,
  scored,
  submitted,
} from './dossier.test-support';

const submittedDossier = [...complete, submitted()];

const pass = (approvedInvestmentFen?: number | null, selection = facts('formal-review'), metadata = asAdmin()): DossierCommand => ({
  type: 'PassFormalReview',
  data: { dossierId: DOSSIER_ID, selection, approvedInvestmentFen, note: ' 材料齐全 ' },
  metadata,
});

const returnCommand = (correctionDeadlineDate = '2026-04-10', reason = '缺少投资证明'): DossierCommand => ({
  type: 'ReturnForCorrection',
  data: { dossierId: DOSSIER_ID, selection: facts('formal-review'), reason, correctionDeadlineDate },
  metadata: asAdmin('2026-04-02T02:00:00.000Z'),
});

const reject = (): DossierCommand => ({
  type: 'RejectDossier',
  data: { dossierId: DOSSIER_ID, selection: facts('formal-review'), reason: '不符合申报条件' },
  metadata: asAdmin(),
});

const assign = (expertId: string, overrides = {}, metadata = asAdmin(IN_REVIEW)): DossierCommand => ({
  type: 'AssignExpert',
  data: { dossierId: DOSSIER_ID, selection: facts('expert-review'), expert: expert(expertId, overrides) },
  metadata,
});

const recuse = (expertId: string, metadata = asAdmin(IN_REVIEW)): DossierCommand => ({
  type: 'RecuseExpert',
  data: { dossierId: DOSSIER_ID, selection: facts('expert-review'), expertId, reason: '发现曾任申报单位顾问' },
  metadata,
});

describe('dossier: formal review (形式审查)', () => {
  describe('PassFormalReview', () => {
    it('passes a submitted dossier with the approved investment (核定投资额)', () => {
      given(submittedDossier)
        .when(pass(4_000_000_000))
        .then([
          {
            type: 'FormalReviewPassed',
            data: {
              dossierId: DOSSIER_ID,
              approvedInvestmentFen: 4_000_000_000,
              note: '材料齐全',
              reviewedBy: 'admin-1',
              passedAt: NOW,
            },
          },
        ]);
    });

    it('the approved investment can never be above the declared investment', () => {
      given(submittedDossier).when(pass(5_000_000_001)).thenRefused('approved-above-declared');
      expect(given(submittedDossier).when(pass(5_000_000_000)).events()).toHaveLength(1);
    });

    it('a money programme needs an approved investment of whole fen above zero', () => {
      given(submittedDossier).when(pass(undefined)).thenRefused('approved-investment-missing');
      given(submittedDossier).when(pass(0)).thenRefused('invalid-investment');
    });

    it('a policy programme takes no approved investment', () => {
      const selection = factsOf('key-enterprise', 'formal-review');
      const history = [
        drafted({ selectionId: selection.selectionId, programme: 'key-enterprise', tier: 'foundation', declaredInvestmentFen: null }),
        submitted(),
      ];
      given(history).when(pass(100, selection)).thenRefused('investment-not-applicable');
      expect(given(history).when(pass(null, selection)).events()[0].data).toMatchObject({ approvedInvestmentFen: null });
    });

    it('only an administrator decides formal review', () => {
      given(submittedDossier).when(pass(1, facts('formal-review'), applicant())).thenRefused('forbidden');
    });

    it('formal review waits until submissions close', () => {
      given(submittedDossier)
        .when(pass(1, facts('open')))
        .thenRefused('wrong-phase', 'the selection is open for submissions until the end of 2026-03-31');
    });

    it('a draft cannot pass formal review', () => {
      given(complete).when(pass(1)).thenRefused('wrong-status', 'is a draft');
    });
  });

  describe('ReturnForCorrection (补正)', () => {
    it('returns a submitted dossier with a reason and a correction deadline at the end of that day', () => {
      given(submittedDossier).when(returnCommand()).then([returned]);
    });

    it('a correction deadline in the past is refused', () => {
      given(submittedDossier).when(returnCommand('2026-04-01')).thenRefused('correction-deadline-past');
      given(submittedDossier).when(returnCommand('2026-04-31')).thenRefused('invalid-date');
    });

    it('a return needs a reason', () => {
      given(submittedDossier).when(returnCommand('2026-04-10', ' ')).thenRefused('text-missing');
    });

    it('a returned dossier cannot be returned again before it is resubmitted', () => {
      given([...submittedDossier, returned]).when(returnCommand()).thenRefused('wrong-status');
    });
  });

  describe('RejectDossier', () => {
    const rejected: DossierEvent = {
      type: 'DossierRejected',
      data: { dossierId: DOSSIER_ID, reason: '不符合申报条件', reviewedBy: 'admin-1', rejectedAt: NOW },
    };

    it('rejects a submitted dossier with a reason', () => {
      given(submittedDossier).when(reject()).then([rejected]);
    });

    it('rejects a returned dossier whose correction never came', () => {
      given([...submittedDossier, returned]).when(reject()).then([rejected]);
    });

    it('a passed dossier cannot be rejected', () => {
      given(inReview).when(reject()).thenRefused('wrong-status', 'passed formal review');
    });

    it('a rejected dossier says so', () => {
      given([...submittedDossier, rejected]).when(reject()).thenRefused('wrong-status', 'was rejected');
    });
  });
});

describe('dossier: expert review', () => {
  describe('AssignExpert', () => {
    it('assigns an expert, noting that his field matches the dossier', () => {
      given(inReview).when(assign('e1')).then([assigned('e1', true, IN_REVIEW)]);
    });

    it('notes when the expert is from another field', () => {
      expect(given(inReview).when(assign('e1', { fields: ['医疗'] })).events()[0].data).toMatchObject({ fieldMatch: false });
    });

    it('the system assigns from the selection plan; an applicant may not', () => {
      expect(given(inReview).when(assign('e1', {}, { ...asAdmin(IN_REVIEW), actor: { id: 'pm', role: 'system' } })).events()).toHaveLength(1);
      given(inReview).when(assign('e1', {}, applicant(IN_REVIEW))).thenRefused('forbidden');
    });

    it("an expert of the applicant's own organisation is never assigned", () => {
      given(inReview)
        .when(assign('e1', { organisationCreditCode: APPLICANT }))
        .thenRefused('conflict-of-interest', 'works for the applicant');
    });

    it('an expert with a declared tie to the applicant, or excluded by it, is never assigned', () => {
      given(inReview).when(assign('e1', { declaredConflictCreditCodes: [APPLICANT] })).thenRefused('conflict-of-interest');
      given(inReview).when(assign('e-excluded')).thenRefused('conflict-of-interest', 'asked that expert e-excluded');
    });

    it('a deactivated expert is not assigned', () => {
      given(inReview).when(assign('e1', { active: false })).thenRefused('expert-deactivated');
    });

    it('an expert is assigned to a dossier once, and a recused one never comes back', () => {
      given([...inReview, assigned('e1')]).when(assign('e1')).thenRefused('expert-already-assigned');
      const recused: DossierEvent = {
        type: 'ExpertRecused',
        data: { dossierId: DOSSIER_ID, expertId: 'e1', reason: 'x', scoreDiscarded: false, recusedAt: NOW },
      };
      given([...inReview, assigned('e1'), recused]).when(assign('e1')).thenRefused('expert-recused');
    });

    it('a dossier has at most expertsPerDossier experts; a recusal frees a place', () => {
      const five = ['e1', 'e2', 'e3', 'e4', 'e5'].map((id) => assigned(id));
      given([...inReview, ...five]).when(assign('e6')).thenRefused('assignment-slots-full', 'all 5 expert places');
      const recused: DossierEvent = {
        type: 'ExpertRecused',
        data: { dossierId: DOSSIER_ID, expertId: 'e2', reason: 'x', scoreDiscarded: false, recusedAt: NOW },
      };
      expect(given([...inReview, ...five, recused]).when(assign('e6')).events()).toHaveLength(1);
    });

    it('an expert already holding the most dossiers allowed is not assigned', () => {
      given(inReview).when(assign('e1', { load: demoRules.maxDossiersPerExpert })).thenRefused('expert-load-full');
    });

    it('assignment happens only in expert review and only for a passed dossier', () => {
      given(inReview)
        .when({ ...assign('e1'), data: { ...(assign('e1').data as object), selection: facts('formal-review-closed') } } as DossierCommand)
        .thenRefused('wrong-phase', 'expert review has not started yet');
      given(submittedDossier).when(assign('e1')).thenRefused('wrong-status');
    });
  });

  describe('RecuseExpert (回避 after assignment)', () => {
    it('an administrator recuses an assigned expert; his score is discarded and stops counting', () => {
      const history = [...inReview, assigned('e1'), scored('e1'), assigned('e2'), scored('e2')];
      const events = given(history)
        .when(recuse('e1'))
        .then([
          {
            type: 'ExpertRecused',
            data: {
              dossierId: DOSSIER_ID,
              expertId: 'e1',
              reason: '发现曾任申报单位顾问',
              scoreDiscarded: true,
              recusedAt: IN_REVIEW,
            },
          },
        ]);
      const state = foldEvents(dossierDecider, [...history, ...events]);
      expect(reviewInputOf(state)?.scores.map((score) => score.expertId)).toEqual(['e2']);
      expect((state as Dossier).assignments[0]).toMatchObject({ status: 'recused', recusalReason: '发现曾任申报单位顾问' });
    });

    it('the expert may recuse himself', () => {
      expect(given([...inReview, assigned('e1')]).when(recuse('e1', asExpert('e1', IN_REVIEW))).events()[0].data).toMatchObject({
        scoreDiscarded: false,
      });
    });

    it('an expert cannot recuse another', () => {
      given([...inReview, assigned('e1')]).when(recuse('e1', asExpert('e2', IN_REVIEW))).thenRefused('forbidden');
    });

    it('an expert not assigned cannot be recused', () => {
      given(inReview).when(recuse('e1')).thenRefused('expert-not-assigned');
    });
  });

  describe('SubmitScore and AmendScore', () => {
    const history = [...inReview, assigned('e1')];

    it('an assigned expert scores per criterion, with the weighted total and a comment', () => {
      given(history)
        .when(scoreCommand('e1'))
        .then([
          {
            type: 'ScoreSubmitted',
            data: {
              dossierId: DOSSIER_ID,
              expertId: 'e1',
              points: POINTS,
              total: 82,
              comment: '示范效果显著',
              submittedAt: IN_REVIEW,
            },
          },
        ]);
    });

    it('a score from an expert who was recused is refused', () => {
      const recused: DossierEvent = {
        type: 'ExpertRecused',
        data: { dossierId: DOSSIER_ID, expertId: 'e1', reason: 'x', scoreDiscarded: false, recusedAt: NOW },
      };
      given([...history, recused]).when(scoreCommand('e1')).thenRefused('expert-recused');
    });

    it('a score without his signature of the selection declaration (保密承诺、回避声明) is refused, saying to sign first', () => {
      given(history).when(scoreCommand('e1', { declaration: null })).thenRefused('declaration-not-signed', 'sign it before');
      given([...history, scored('e1')])
        .when(scoreCommand('e1', { points: { ...POINTS, technology: 10 }, declaration: null }, 'AmendScore'))
        .thenRefused('declaration-not-signed');
    });

    it("another selection's or another expert's signature does not count", () => {
      given(history).when(scoreCommand('e1', { declaration: signedBy('e1', 'dataset-2026') })).thenRefused('declaration-not-signed');
      given(history).when(scoreCommand('e1', { declaration: signedBy('e2') })).thenRefused('declaration-not-signed');
    });

    it('a score from an expert not assigned to the dossier is refused', () => {
      given(history).when(scoreCommand('e2')).thenRefused('expert-not-assigned');
    });

    it('an expert scores only in his own name', () => {
      given(history).when(scoreCommand('e1', {}, 'SubmitScore', asExpert('e2', IN_REVIEW))).thenRefused('forbidden');
      given(history).when(scoreCommand('e1', {}, 'SubmitScore', asAdmin(IN_REVIEW))).thenRefused('forbidden');
    });

    it('a score from an expert with a conflict found after assignment is refused, pointing to recusal', () => {
      given(history)
        .when(scoreCommand('e1', { expert: { declaredConflictCreditCodes: [APPLICANT] } }))
        .thenRefused('conflict-of-interest', 'ask the administrator to recuse you');
    });

    it('a score from a deactivated expert is refused', () => {
      given(history).when(scoreCommand('e1', { expert: { active: false } })).thenRefused('expert-deactivated');
    });

    it('points are checked against the rubric', () => {
      given(history).when(scoreCommand('e1', { points: { ...POINTS, technology: 26 } })).thenRefused('invalid-score');
      given(history).when(scoreCommand('e1', { points: { technology: 20 } })).thenRefused('invalid-score');
    });

    it('a comment is required', () => {
      given(history).when(scoreCommand('e1', { comment: '' })).thenRefused('text-missing', 'the comment is required');
    });

    it('a second score is refused; the expert amends instead', () => {
      given([...history, scored('e1')]).when(scoreCommand('e1')).thenRefused('score-already-submitted');
    });

    it('scores are given only while expert review is open', () => {
      const closed = { ...scoreCommand('e1') } as Extract<DossierCommand, { type: 'SubmitScore' }>;
      given(history)
        .when({ ...closed, data: { ...closed.data, selection: facts('review-closed') } })
        .thenRefused('wrong-phase', 'expert review is closed');
    });

    it('an expert amends his score while review is open', () => {
      const points = { ...POINTS, technology: 25 };
      given([...history, scored('e1')])
        .when(scoreCommand('e1', { points, comment: '技术领先' }, 'AmendScore'))
        .then([
          {
            type: 'ScoreAmended',
            data: { dossierId: DOSSIER_ID, expertId: 'e1', points, total: 87, comment: '技术领先', amendedAt: IN_REVIEW },
          },
        ]);
    });

    it('there is nothing to amend before a score, and an identical amendment changes nothing', () => {
      given(history).when(scoreCommand('e1', {}, 'AmendScore')).thenRefused('score-not-submitted');
      given([...history, scored('e1')]).when(scoreCommand('e1', {}, 'AmendScore')).thenRefused('nothing-to-change');
    });

    it('the amended score is what counts', () => {
      const amended: DossierEvent = {
        type: 'ScoreAmended',
        data: { dossierId: DOSSIER_ID, expertId: 'e1', points: POINTS, total: 90, comment: 'x', amendedAt: IN_REVIEW },
      };
      const state = foldEvents(dossierDecider, [...history, scored('e1'), assigned('e2'), scored('e2'), amended]);
      expect(reviewInputOf(state)).toEqual({
        candidate: { dossierId: DOSSIER_ID, tier: 'scenario', submittedAt: NOW },
        scores: [
          { dossierId: DOSSIER_ID, expertId: 'e1', total: 90 },
          { dossierId: DOSSIER_ID, expertId: 'e2', total: 82 },
        ],
      });
    });
  });

  it('a dossier not in the race gives no review input', () => {
    expect(reviewInputOf(foldEvents(dossierDecider, submittedDossier))).toBeNull();
  });

  it('ties rank by the first submission, not a resubmission after correction', () => {
    const later = '2026-04-09T00:00:00.000Z';
    const state = foldEvents(dossierDecider, [...submittedDossier, returned, submitted(later, true), passed()]);
    expect(reviewInputOf(state)?.candidate.submittedAt).toBe(NOW);
  });

  it('the conflict view names the expertise field of the dossier', () => {
    const state = foldEvents(dossierDecider, inReview) as Dossier;
    expect(conflictDossierOf(state, demoRules)).toEqual({
      dossierId: DOSSIER_ID,
      applicantCreditCode: APPLICANT,
      excludedExpertIds: ['e-excluded'],
      recusedExpertIds: [],
      fields: ['AI+离散型制造'],
    });
    expect(conflictDossierOf({ ...state, fields: {} }, demoRules).fields).toEqual([]);
    expect(OTHER_ORGANISATION).not.toBe(APPLICANT);
  });
});
