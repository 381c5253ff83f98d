import { projectKey } from '../awards';
import type { DossierAwardInput } from '../dossier/dossier.views';
import { foldEvents } from '../shared/decider';
import { selectionDecider } from './selection.decider';
import type { DecideAwards, SelectionCommand } from './selection.commands';
import { Selection, selectionFactsOf } from './selection.state';
import { fundEntryOf } from './decide-awards';
import type { EarlierAward } from '../awards';
import {
  AFTER_NOTICE,
  NOTICE_DAY,
  asAdmin,
  calendarYears,
  closeFormalReview,
  closeReview,
  closeSubmissions,
  creditCode,
  dossierIds,
  given,
  openCall,
  play,
  recordOutcome,
  startExpertReview,
  startNotice,
  dataOf,
} from './selection.test-support';

const seven = dossierIds(7);
const BASE = { 'd-1': 90, 'd-2': 85, 'd-3': 80, 'd-4': 75, 'd-5': 70, 'd-6': 65, 'd-7': 50 };
const reviewClosed = (call: SelectionCommand = openCall({ overrides: { quotas: { scenario: 3 } } }), tier = 'scenario') =>
  play([call, closeSubmissions, closeFormalReview(seven), startExpertReview(seven), closeReview(BASE, tier)]);
const inNotice = () => play([startNotice()], reviewClosed());


const APPROVED: Record<string, number> = {
  'd-1': 4_000_000_000, // ¥40,000,000: 20 % is ¥8,000,000, capped at ¥2,000,000
  'd-2': 500_000_000, // ¥5,000,000 → ¥1,000,000
  'd-3': 100_000_000, // ¥1,000,000 → ¥200,000
  'd-4': 250_000_000, // ¥2,500,000 → ¥500,000
};

function awardInputs(ids: readonly string[], approved: Record<string, number | null> = APPROVED): DossierAwardInput[] {
  return ids.map((dossierId) => {
    const n = Number(dossierId.slice(2));
    return {
      dossierId,
      applicantCreditCode: creditCode(200 + n),
      projectCode: `P-${n}`,
      title: `项目${n}`,
      approvedInvestmentFen: approved[dossierId] ?? null,
    };
  });
}

const keyOf = (n: number) => projectKey({ creditCode: creditCode(200 + n), projectCode: `P-${n}`, title: `项目${n}` });

function decide(overrides: Partial<DecideAwards['data']> = {}, now = AFTER_NOTICE): DecideAwards {
  return {
    type: 'DecideAwards',
    data: { dossiers: awardInputs(['d-1', 'd-2', 'd-3']), earlierAwards: [], openObjections: [], ...overrides },
    metadata: asAdmin(now),
  };
}

describe('selection: public notice (公示)', () => {
  describe('StartPublicNotice', () => {
    it('starts today and runs five working days, skipping the 劳动节 holiday', () => {
      given(reviewClosed())
        .when(startNotice())
        .then([
          {
            type: 'PublicNoticeStarted',
            data: {
              selectionId: 'demo-scenario-2026',
              startsOn: '2026-04-29',
              endsOn: '2026-05-08',
              workingDays: 5,
              startsAt: '2026-04-28T16:00:00.000Z',
              endsAt: '2026-05-08T15:59:59.999Z',
              listedDossierIds: ['d-1', 'd-2', 'd-3'],
              calendarSources: calendarYears.map((year) => `${year.year}: ${year.source}`),
              startedAt: NOTICE_DAY,
            },
          },
        ]);
    });

    it('counts the Saturday make-up working day (调休) of 2026-05-09', () => {
      expect(dataOf(given(reviewClosed()).when(startNotice('2026-04-30')).events(), 'PublicNoticeStarted')).toMatchObject({
        startsOn: '2026-04-30',
        endsOn: '2026-05-09',
      });
    });

    it('a notice asked to start on a holiday starts on the next working day', () => {
      expect(dataOf(given(reviewClosed()).when(startNotice('2026-05-02')).events(), 'PublicNoticeStarted')).toMatchObject({
        startsOn: '2026-05-06',
        endsOn: '2026-05-11',
      });
    });

    it('a notice window reaching a year the calendar does not hold is refused, naming the year', () => {
      given(reviewClosed()).when(startNotice('2026-12-28')).thenRefused('calendar-year-unknown', 'no data for 2027');
    });

    it('a notice cannot start in the past', () => {
      given(reviewClosed()).when(startNotice('2026-04-28')).thenRefused('notice-start-past');
    });

    it('a shortlist with nobody selected is not put on notice', () => {
      const allLow = play([
        openCall(),
        closeSubmissions,
        closeFormalReview(['d-1']),
        startExpertReview(['d-1']),
        closeReview({ 'd-1': 40 }),
      ]);
      given(allLow).when(startNotice()).thenRefused('nothing-to-publish');
    });

    it('the notice starts only after review closes', () => {
      given(inNotice()).when(startNotice()).thenRefused('wrong-phase', 'public notice from 2026-04-29 to 2026-05-08');
    });
  });

  describe('RecordObjectionOutcome', () => {
    it('an upheld objection drops the dossier and the next reserve of its tier moves up (递补)', () => {
      const events = given(inNotice()).when(recordOutcome('d-2', 'upheld')).events();
      const data = dataOf(events, 'ShortlistEntryDropped');
      expect(data).toMatchObject({ dossierId: 'd-2', objectionId: 'o-d-2', finding: '经核查', promoted: { dossierId: 'd-4' } });
      expect(data.shortlist.tiers[0].selected.map((entry) => entry.dossierId)).toEqual(['d-1', 'd-3', 'd-4']);
      expect(data.shortlist.tiers[0].reserves.map((entry) => entry.dossierId)).toEqual(['d-5']);
      const state = foldEvents(selectionDecider, [...inNotice(), ...events]) as Selection;
      expect(selectionFactsOf(state).selectedDossierIds).toEqual(['d-1', 'd-3', 'd-4']);
    });

    it('a dismissed objection is recorded and changes nothing', () => {
      given(inNotice())
        .when(recordOutcome('d-2', 'dismissed'))
        .then([
          {
            type: 'ObjectionDismissalRecorded',
            data: {
              selectionId: 'demo-scenario-2026',
              dossierId: 'd-2',
              objectionId: 'o-d-2',
              finding: '经核查',
              recordedAt: '2026-05-08T02:00:00.000Z',
            },
          },
        ]);
    });

    it('an objection outcome is recorded once', () => {
      given(play([recordOutcome('d-2', 'dismissed')], inNotice())).when(recordOutcome('d-2', 'upheld')).thenRefused('objection-already-recorded');
    });

    it('a dossier already dropped is not dropped again', () => {
      given(play([recordOutcome('d-2', 'upheld')], inNotice()))
        .when(recordOutcome('d-2', 'upheld', 'o-second'))
        .thenRefused('already-dropped');
    });

    it('a dossier that is not on the shortlist cannot be dropped from it', () => {
      given(inNotice()).when(recordOutcome('d-7', 'upheld')).thenRefused('not-on-shortlist', 'below the minimum score');
    });

    it('refuses an unknown outcome and a missing finding', () => {
      const command = recordOutcome('d-2', 'upheld') as Extract<SelectionCommand, { type: 'RecordObjectionOutcome' }>;
      given(inNotice()).when({ ...command, data: { ...command.data, outcome: 'maybe' as 'upheld' } }).thenRefused('invalid-outcome');
      given(inNotice()).when({ ...command, data: { ...command.data, finding: '' } }).thenRefused('text-missing');
    });

    it('outcomes are recorded only during the notice', () => {
      given(reviewClosed()).when(recordOutcome('d-2', 'upheld')).thenRefused('wrong-phase');
    });
  });
});

describe('selection: awards', () => {
  describe('DecideAwards', () => {
    it('pays 20 % of the approved investment, capped, with every other ranked dossier told why not', () => {
      const data = dataOf(given(inNotice()).when(decide()).events(), 'AwardsDecided');
      expect(data.awards.map((line) => [line.dossierId, line.rank, line.award.kind === 'money' && line.award.paidFen])).toEqual([
        ['d-1', 1, 200_000_000],
        ['d-2', 2, 100_000_000],
        ['d-3', 3, 20_000_000],
      ]);
      expect(data.awards[0]).toMatchObject({
        tier: 'scenario',
        projectKey: keyOf(1),
        award: { kind: 'money', approvedInvestmentFen: 4_000_000_000, standardFen: 200_000_000, decision: 'paid' },
      });
      expect(data.totalPaidFen).toBe(320_000_000);
      expect(data.notAwarded).toEqual([
        { dossierId: 'd-4', reason: 'reserve 4 in 示范场景; the 3 places are filled' },
        { dossierId: 'd-5', reason: 'reserve 5 in 示范场景; the 3 places are filled' },
        { dossierId: 'd-6', reason: 'ranked outside the places and reserves of its tier' },
        { dossierId: 'd-7', reason: 'the aggregate score is below the minimum score of 60' },
      ]);
    });

    it('tops up an award the same project already partly received this year or an earlier one of the plan, and pays nothing when it received more (就高原则)', () => {
      const earlierOf = (n: number, selectionId: string, year: number, paidFen: number): EarlierAward => ({
        selectionId,
        selectionTitle: `${year}年湖南省“人工智能+”评选${selectionId}`,
        programme: selectionId.replace(/-\d+$/, ''),
        year,
        dossierId: `${selectionId}-d${n}`,
        applicantCreditCode: creditCode(200 + n),
        projectCode: `P-${n}`,
        title: `项目${n}`,
        standardFen: paidFen,
        paidFen,
      });
      const earlierAwards = [
        earlierOf(2, 'vertical-model-2026', 2026, 40_000_000),
        earlierOf(3, 'dataset-2026', 2026, 30_000_000),
        earlierOf(1, 'dataset-2025', 2025, 90_000_000),
      ];
      const data = dataOf(given(inNotice()).when(decide({ earlierAwards })).events(), 'AwardsDecided');
      expect(data.awards.map((line) => line.award)).toEqual([
        // 900,000 元 in 2025 for the same project: topped up to this standard, not paid again in full.
        expect.objectContaining({ standardFen: 200_000_000, paidFen: 110_000_000, decision: 'top-up' }),
        expect.objectContaining({ standardFen: 100_000_000, paidFen: 60_000_000, decision: 'top-up' }),
        expect.objectContaining({ standardFen: 20_000_000, paidFen: 0, decision: 'not-paid' }),
      ]);
      expect(data.awards.map((line) => line.award.kind === 'money' && line.award.reason)).toEqual([
        '就高原则:已于《2025年湖南省“人工智能+”评选dataset-2025》获支持 900,000.00 元,按较高标准 2,000,000.00 元 补差 1,100,000.00 元',
        '就高原则:已于《2026年湖南省“人工智能+”评选vertical-model-2026》获支持 400,000.00 元,按较高标准 1,000,000.00 元 补差 600,000.00 元',
        '不重复享受:已于《2026年湖南省“人工智能+”评选dataset-2026》获支持 300,000.00 元,不低于本次标准 200,000.00 元,本次不予重复支持',
      ]);
      expect(data.awards[1].sameProjectAs).toEqual([{ selectionId: 'vertical-model-2026', dossierId: 'vertical-model-2026-d2', basis: 'code' }]);
      expect(data.totalPaidFen).toBe(170_000_000);
    });

    it('after 递补 the promoted reserve is awarded and the dropped dossier is told why not', () => {
      const history = play([recordOutcome('d-2', 'upheld')], inNotice());
      const data = dataOf(given(history).when(decide({ dossiers: awardInputs(['d-1', 'd-3', 'd-4']) })).events(), 'AwardsDecided');
      expect(data.awards.map((line) => [line.dossierId, line.rank])).toEqual([
        ['d-1', 1],
        ['d-3', 2],
        ['d-4', 3],
      ]);
      expect(data.notAwarded[0]).toEqual({ dossierId: 'd-2', reason: 'taken off the list after an objection was upheld' });
    });

    it('a policy programme lists its enterprises without money', () => {
      const call = openCall({ overrides: { quotas: { foundation: 2, technology: 0, application: 0, cultivation: 0 } } }, 'key-enterprise');
      const history = play([startNotice()], reviewClosed(call, 'foundation'));
      const data = dataOf(given(history).when(decide({ dossiers: awardInputs(['d-1', 'd-2'], {}) })).events(), 'AwardsDecided');
      expect(data.awards.map((line) => line.award)).toEqual([{ kind: 'policy' }, { kind: 'policy' }]);
      expect(data.totalPaidFen).toBe(0);
    });

    it('awards are refused while the notice runs', () => {
      given(inNotice()).when(decide({}, '2026-05-08T15:59:59.999Z')).thenRefused('notice-running', 'until the end of 2026-05-08');
    });

    it('awards are refused while an objection is open', () => {
      given(inNotice())
        .when(decide({ openObjections: [{ dossierId: 'd-2', objectionId: 'o-1' }] }))
        .thenRefused('objections-open', 'o-1 on d-2');
    });

    it('every selected dossier’s facts are needed, including its approved investment', () => {
      given(inNotice()).when(decide({ dossiers: awardInputs(['d-1', 'd-2']) })).thenRefused('award-facts-missing', 'd-3');
      given(inNotice())
        .when(decide({ dossiers: awardInputs(['d-1', 'd-2', 'd-3'], { ...APPROVED, 'd-3': null }) }))
        .thenRefused('award-facts-missing', 'no approved investment');
    });

    it('the same project selected twice is refused', () => {
      const dossiers = awardInputs(['d-1', 'd-2', 'd-3']).map((input) =>
        input.dossierId === 'd-3' ? { ...input, applicantCreditCode: creditCode(202), projectCode: 'P-2', title: '项目2' } : input,
      );
      given(inNotice()).when(decide({ dossiers })).thenRefused('duplicate-project', 'd-2 and d-3');
    });

    it('awards are decided only during the notice phase', () => {
      given(reviewClosed()).when(decide()).thenRefused('wrong-phase');
    });
  });

  describe('PublishAwards', () => {
    const publish: SelectionCommand = { type: 'PublishAwards', data: {}, metadata: asAdmin('2026-05-20T02:00:00.000Z') };

    it('publishes the decided awards', () => {
      given(play([decide()], inNotice()))
        .when(publish)
        .then([{ type: 'AwardsPublished', data: { selectionId: 'demo-scenario-2026', publishedAt: '2026-05-20T02:00:00.000Z' } }]);
    });

    it('nothing is published before the awards are decided, nor twice', () => {
      given(inNotice()).when(publish).thenRefused('wrong-phase');
      given(play([decide(), publish], inNotice())).when(publish).thenRefused('wrong-phase', 'have been published');
    });
  });

  it('a decided money line becomes a fund ledger entry with its standard, payment and reason', () => {
    const state = foldEvents(selectionDecider, play([decide()], inNotice())) as Selection;
    expect(fundEntryOf(state, state.awards[1], AFTER_NOTICE)).toEqual({
      entryId: 'demo-scenario-2026/d-2',
      measure: 'selection-award',
      programme: 'demo-scenario',
      year: 2026,
      selectionId: 'demo-scenario-2026',
      selectionTitle: '2026年湖南省“人工智能+”十大示范场景评选',
      dossierId: 'd-2',
      applicantCreditCode: creditCode(202),
      project: { projectCode: 'P-2', title: '项目2', projectKey: keyOf(2) },
      sameProjectAs: [],
      declaredDifferentFrom: [],
      standard: { rateBasisPoints: 2000, approvedInvestmentFen: 500_000_000, capFen: 200_000_000, standardFen: 100_000_000 },
      paidFen: 100_000_000,
      decision: 'paid',
      reason: '该项目未获其他同类支持,按标准支持 1,000,000.00 元',
      decidedAt: AFTER_NOTICE,
    });
    expect(selectionFactsOf(state)).toMatchObject({ phase: 'awards-decided', notice: { endsOn: '2026-05-08' } });
  });

  it('a policy selection writes nothing to the fund ledger', () => {
    const call = openCall({ overrides: { quotas: { foundation: 2, technology: 0, application: 0, cultivation: 0 } } }, 'key-enterprise');
    const history = play([startNotice(), decide({ dossiers: awardInputs(['d-1', 'd-2'], {}) })], reviewClosed(call, 'foundation'));
    const state = foldEvents(selectionDecider, history) as Selection;
    expect(state.awards.map((line) => fundEntryOf(state, line, AFTER_NOTICE))).toEqual([null, null]);
  });
});
