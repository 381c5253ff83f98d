import { seedCallRules, seedRules } from '../programmes/programmes.test-support';
import { asApplicant } from './actors.test-support';
import { batchLabel, selectionIdOf, selectionStreamOf } from './selection.ids';
import {
  AFTER_DEADLINE,
  OPENED_AT,
  asAdmin,
  closeFormalReview,
  closeSubmissions,
  creditCode,
  given,
  openCall,
  play,
} from './selection.test-support';

describe('selection: the call', () => {
  describe('OpenCall', () => {
    it('opens the year’s call with the resolved rules, quotas and a deadline at the end of the day', () => {
      given([])
        .when(openCall())
        .then([
          {
            type: 'SelectionOpened',
            data: {
              selectionId: 'demo-scenario-2026',
              programme: 'demo-scenario',
              year: 2026,
              batch: null,
              batchLabel: null,
              title: '2026年湖南省“人工智能+”十大示范场景评选',
              rules: seedCallRules('demo-scenario'),
              overrides: { quotas: {} },
              quotas: [{ tier: 'scenario', name: '示范场景', quota: 10 }],
              submissionDeadlineDate: '2026-03-31',
              submissionDeadline: '2026-03-31T15:59:59.999Z',
              openedAt: OPENED_AT,
            },
          },
        ]);
    });

    it('opens a batch, like the 2025 first batch of innovation platforms with 2 / 1 / 2', () => {
      const [event] = given([])
        .when(
          openCall(
            { year: 2025, batch: 1, overrides: { quotas: { research: 2, application: 1, innovation: 2 } }, submissionDeadlineDate: '2026-03-31' },
            'innovation-platform',
          ),
        )
        .events();
      expect(event.data).toMatchObject({
        selectionId: 'innovation-platform-2025-1',
        batch: 1,
        batchLabel: '首批',
        title: '2025年湖南省“人工智能+”十大重点科技创新平台(首批)评选',
        quotas: [
          { tier: 'research', name: '研究型', quota: 2 },
          { tier: 'application', name: '应用型', quota: 1 },
          { tier: 'innovation', name: '创新型', quota: 2 },
        ],
      });
    });

    it('a call already opened cannot be opened again', () => {
      given(play([openCall()])).when(openCall()).thenRefused('selection-already-opened', 'demo-scenario-2026');
    });

    it('only an administrator opens a call', () => {
      given([]).when({ ...openCall(), metadata: asApplicant(creditCode(1)) }).thenRefused('forbidden', 'only an administrator');
    });

    it('the rules must be those of the programme', () => {
      given([]).when(openCall({ rules: seedRules('dataset') })).thenRefused('programme-mismatch');
    });

    it('refuses a year before the plan, a bad batch number and a deadline that is not ahead', () => {
      given([]).when(openCall({ year: 2024 })).thenRefused('invalid-year');
      given([]).when(openCall({ batch: 0.5 })).thenRefused('invalid-batch');
      given([]).when(openCall({ batch: 21 })).thenRefused('invalid-batch');
      given([]).when(openCall({ submissionDeadlineDate: '2026-03-02' })).thenRefused('deadline-not-ahead');
      given([]).when(openCall({ submissionDeadlineDate: '2026-02-30' })).thenRefused('invalid-date');
    });

    it('refuses overrides that make the rules invalid, and a batch programme without its quota', () => {
      given([]).when(openCall({ overrides: { minimumScore: 101 } })).thenRefused('invalid-call-rules', 'minimumScore');
      given([]).when(openCall({ overrides: {} }, 'dataset')).thenRefused('invalid-call-rules', 'must be set by the call');
    });

    it('names selections and their streams', () => {
      expect(selectionIdOf('dataset', 2026)).toBe('dataset-2026');
      expect(selectionIdOf('dataset', 2026, null)).toBe('dataset-2026');
      expect(selectionStreamOf(selectionIdOf('innovation-platform', 2025, 2))).toBe('selection-innovation-platform-2025-2');
      expect([1, 2, 3, 10, 11, 12, 20].map(batchLabel)).toEqual([
        '首批',
        '第二批',
        '第三批',
        '第十批',
        '第十一批',
        '第十二批',
        '第二十批',
      ]);
    });
  });

  describe('CloseSubmissions', () => {
    it('closes submissions once the deadline day is over', () => {
      given(play([openCall()]))
        .when(closeSubmissions)
        .then([{ type: 'SubmissionsClosed', data: { selectionId: 'demo-scenario-2026', closedAt: AFTER_DEADLINE } }]);
    });

    it('submissions cannot be closed before the end of the deadline day', () => {
      given(play([openCall()]))
        .when({ ...closeSubmissions, metadata: asAdmin('2026-03-31T15:59:59.999Z') })
        .thenRefused('submissions-still-open', 'open until the end of 2026-03-31');
    });

    it('closing twice says where the selection is', () => {
      given(play([openCall(), closeSubmissions]))
        .when(closeSubmissions)
        .thenRefused(
          'wrong-phase',
          'closing submissions is not possible now: submissions closed on 2026-03-31; the selection is now in formal review',
        );
    });

    it('a selection never opened is not found', () => {
      given([]).when(closeSubmissions).thenRefused('selection-not-opened');
    });

    it('only an administrator closes submissions', () => {
      given(play([openCall()])).when({ ...closeSubmissions, metadata: asApplicant(creditCode(1), AFTER_DEADLINE) }).thenRefused('forbidden');
    });
  });

  describe('CloseFormalReview', () => {
    const inFormalReview = () => play([openCall(), closeSubmissions]);

    it('closes formal review, recording the dossiers that passed', () => {
      given(inFormalReview())
        .when(closeFormalReview(['d-1', 'd-2']))
        .then([
          {
            type: 'FormalReviewClosed',
            data: { selectionId: 'demo-scenario-2026', passedDossierIds: ['d-1', 'd-2'], closedAt: AFTER_DEADLINE },
          },
        ]);
    });

    it('formal review cannot close while dossiers await a decision, and they are named', () => {
      const refusal = given(inFormalReview())
        .when(closeFormalReview(['d-1'], ['d-2', 'd-3']))
        .thenRefused('formal-review-incomplete', '2 dossier(s) still await a formal-review decision');
      expect(refusal.details).toEqual({ awaitingDecision: ['d-2', 'd-3'] });
    });

    it('a dossier listed twice is refused', () => {
      given(inFormalReview()).when(closeFormalReview(['d-1', 'd-1'])).thenRefused('invalid-dossier-list');
    });

    it('formal review is closed only while it runs', () => {
      given(play([openCall()]))
        .when(closeFormalReview([]))
        .thenRefused('wrong-phase', 'the selection is open for submissions until the end of 2026-03-31');
    });
  });
});
