import { foldEvents } from '../shared/decider';
import { asPublic, asSystem } from '../selection/actors.test-support';
import type { DossierCommand } from './dossier.commands';
import { dossierDecider } from './dossier.decider';
import type { DossierAwardRecord, DossierEvent } from './dossier.events';
import type { Dossier } from './dossier.state';
import { awardInputOf, openObjectionsOf } from './dossier.views';
import { EVIDENCE_LIMITS } from './objection-evidence';
import {
  APPLICANT,
  DOSSIER_ID,
  IN_NOTICE,
  NOTICE,
  NOW,
  SELECTION_ID,
  asAdmin,
  assigned,
  drafted,
  facts,
  factsOf,
  given,
  inReview,
  objectionFiled,
  scored,
  submitted,
} from './dossier.test-support';

const listed = [...inReview, assigned('e1'), scored('e1')];

const file = (now = IN_NOTICE, overrides: Record<string, unknown> = {}, selection = facts('notice')): DossierCommand => ({
  type: 'FileObjection',
  data: {
    dossierId: DOSSIER_ID,
    selection,
    objectionId: 'o-1',
    objector: { name: ' 李明 ', contact: '13800000000', organisation: '' },
    reason: '投资额虚报',
    ...overrides,
  },
  metadata: asPublic(now),
});

const decide = (type: 'UpholdObjection' | 'DismissObjection', objectionId = 'o-1', metadata = asAdmin(IN_NOTICE)): DossierCommand => ({
  type,
  data: { dossierId: DOSSIER_ID, selection: facts('notice'), objectionId, finding: '经核查属实' },
  metadata,
});

const money = (overrides: Partial<Extract<DossierAwardRecord, { kind: 'money' }>> = {}): DossierAwardRecord => ({
  kind: 'money',
  approvedInvestmentFen: 4_000_000_000,
  standardFen: 200_000_000,
  paidFen: 200_000_000,
  decision: 'paid',
  reason: '按核定投资额的20%,最高200万元',
  ...overrides,
});

const award = (record: DossierAwardRecord = money(), selection = facts('awards-decided'), tier = 'scenario', rank = 1): DossierCommand => ({
  type: 'AwardDossier',
  data: { dossierId: DOSSIER_ID, selection, tier, rank, award: record },
  metadata: asSystem(),
});

const notAward = (selection = facts('awards-decided')): DossierCommand => ({
  type: 'NotAwardDossier',
  data: { dossierId: DOSSIER_ID, selection, reason: '排名在名额之外' },
  metadata: asSystem(),
});

const upheld: DossierEvent = {
  type: 'ObjectionUpheld',
  data: { dossierId: DOSSIER_ID, objectionId: 'o-1', finding: '经核查属实', decidedBy: 'admin-1', decidedAt: IN_NOTICE },
};

describe('dossier: objections (异议)', () => {
  describe('FileObjection', () => {
    it('a named person files an objection with contact and reason during the notice', () => {
      given(listed).when(file()).then([objectionFiled()]);
    });

    it('objections are accepted from the first instant of the first day to the last of the last day', () => {
      expect(given(listed).when(file(NOTICE.startsAt)).events()).toHaveLength(1);
      expect(given(listed).when(file(NOTICE.endsAt)).events()).toHaveLength(1);
      given(listed).when(file('2026-05-10T15:59:59.999Z')).thenRefused('outside-notice-window', 'from 2026-05-11 to 2026-05-15');
      given(listed).when(file('2026-05-15T16:00:00.000Z')).thenRefused('outside-notice-window');
    });

    it('an objection outside the notice phase is refused', () => {
      given(listed).when(file(IN_NOTICE, {}, facts('review-closed'))).thenRefused('wrong-phase');
      given(listed).when(file(IN_NOTICE, {}, { ...facts('notice'), notice: null })).thenRefused('outside-notice-window');
    });

    it('an anonymous objection is refused', () => {
      given(listed).when(file(IN_NOTICE, { objector: { name: '', contact: 'x', organisation: null } })).thenRefused('text-missing');
      given(listed)
        .when(file(IN_NOTICE, { objector: { name: '李明', contact: ' ', organisation: null } }))
        .thenRefused('text-missing', "the objector's contact is required");
      given(listed).when(file(IN_NOTICE, { objector: undefined })).thenRefused('text-missing');
    });

    it('an objection needs a reason', () => {
      given(listed).when(file(IN_NOTICE, { reason: '' })).thenRefused('text-missing');
    });

    it('only dossiers on the published list can be objected to', () => {
      given(listed).when(file(IN_NOTICE, {}, { ...facts('notice'), selectedDossierIds: ['d-2'] })).thenRefused('not-on-shortlist');
    });

    it('one person objects to a dossier once: the same contact (written any way) is refused a second objection', () => {
      given([...listed, objectionFiled('o-1')])
        .when(file(IN_NOTICE, { objectionId: 'o-2', objector: { name: '李明', contact: ' 138 0000 0000 ', organisation: '' }, reason: '另一个理由' }))
        .thenRefused('objection-already-filed', 'already objected');
      given([...listed, objectionFiled('o-1')])
        .when(file(IN_NOTICE, { objectionId: 'o-2', objector: { name: '王芳', contact: '13900000000', organisation: '' } }))
        .then([{ ...objectionFiled('o-2'), data: { ...objectionFiled('o-2').data, objector: { name: '王芳', contact: '13900000000', organisation: null } } } as never]);
    });

    const SHA = 'a'.repeat(64);
    const pdf = { name: '核查材料.pdf', mediaType: 'application/pdf', sizeBytes: 2048, sha256: SHA };
    const photo = { name: '现场照片.JPG', mediaType: 'image/jpeg', sizeBytes: 4096, sha256: 'b'.repeat(64) };

    it('an objection carries its evidence: the name, size, SHA-256 and media type of each file', () => {
      const [event] = given(listed).when(file(IN_NOTICE, { evidence: [pdf, { ...photo, sha256: 'B'.repeat(64) }] })).events();
      expect(event).toEqual({ ...objectionFiled(), data: { ...objectionFiled().data, evidence: [pdf, { ...photo, mediaType: 'image/jpeg', sha256: 'b'.repeat(64) }] } });
      const state = foldEvents(dossierDecider, [...listed, event]) as Dossier;
      expect(state.objections[0].evidence).toEqual([pdf, photo]);
    });

    it('evidence is a PDF or an image within the size limit, at most five files, each once', () => {
      given(listed).when(file(IN_NOTICE, { evidence: [{ ...pdf, name: '表格.xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }] })).thenRefused('evidence-type-not-allowed', 'only PDF, PNG and JPEG');
      given(listed).when(file(IN_NOTICE, { evidence: [{ ...pdf, name: '核查材料.png' }] })).thenRefused('evidence-type-not-allowed', 'must end with .pdf');
      given(listed).when(file(IN_NOTICE, { evidence: [{ ...pdf, sizeBytes: EVIDENCE_LIMITS.maxFileBytes + 1 }] })).thenRefused('evidence-too-large');
      given(listed).when(file(IN_NOTICE, { evidence: [{ ...pdf, sha256: 'not-a-hash' }] })).thenRefused('invalid-evidence', 'SHA-256');
      given(listed).when(file(IN_NOTICE, { evidence: [{ ...pdf, name: '../核查材料.pdf' }] })).thenRefused('invalid-evidence', 'must not contain');
      given(listed).when(file(IN_NOTICE, { evidence: [pdf, { ...pdf, name: '副本.pdf' }] })).thenRefused('invalid-evidence', 'the same file as 核查材料.pdf');
      const six = Array.from({ length: EVIDENCE_LIMITS.maxFiles + 1 }, (_, i) => ({ ...pdf, name: `材料${i}.pdf`, sha256: String(i).repeat(64) }));
      given(listed).when(file(IN_NOTICE, { evidence: six })).thenRefused('too-many-evidence-files');
    });

    it('an objection filed before evidence existed still folds, without evidence', () => {
      const state = foldEvents(dossierDecider, [...listed, objectionFiled()]) as Dossier;
      expect(state.objections[0]).toMatchObject({ objectionId: 'o-1', evidence: [] });
    });

    it('the same objection is filed once', () => {
      given([...listed, objectionFiled()]).when(file()).thenRefused('objection-already-filed');
    });
  });

  describe('UpholdObjection and DismissObjection', () => {
    it('an administrator upholds an open objection with a finding', () => {
      given([...listed, objectionFiled()]).when(decide('UpholdObjection')).then([upheld]);
    });

    it('an administrator dismisses an open objection with a finding', () => {
      given([...listed, objectionFiled()])
        .when(decide('DismissObjection'))
        .then([{ type: 'ObjectionDismissed', data: { ...upheld.data } }]);
    });

    it('an objection is decided once', () => {
      given([...listed, objectionFiled(), upheld]).when(decide('DismissObjection')).thenRefused('objection-already-decided', 'was already upheld');
    });

    it('an unknown objection is not found', () => {
      given(listed).when(decide('UpholdObjection', 'o-9')).thenRefused('objection-not-found');
    });

    it('only an administrator decides objections', () => {
      given([...listed, objectionFiled()]).when(decide('UpholdObjection', 'o-1', asPublic())).thenRefused('forbidden');
    });

    it('lists the objections still open', () => {
      const state = foldEvents(dossierDecider, [...listed, objectionFiled('o-1'), objectionFiled('o-2'), upheld]) as Dossier;
      expect(openObjectionsOf(state)).toEqual([{ dossierId: DOSSIER_ID, objectionId: 'o-2' }]);
    });
  });
});

describe('dossier: award', () => {
  describe('AwardDossier', () => {
    it('records the money award with its non-duplication decision', () => {
      given(listed)
        .when(award())
        .then([
          {
            type: 'DossierAwarded',
            data: { dossierId: DOSSIER_ID, selectionId: SELECTION_ID, tier: 'scenario', rank: 1, award: money(), awardedAt: NOW },
          },
        ]);
    });

    it('records a top-up and a not-paid decision', () => {
      const topUp = money({ paidFen: 50_000_000, decision: 'top-up' });
      expect(given(listed).when(award(topUp)).events()[0].data).toMatchObject({ award: topUp });
      const notPaid = money({ paidFen: 0, decision: 'not-paid' });
      expect(given(listed).when(award(notPaid)).events()[0].data).toMatchObject({ award: notPaid });
    });

    it('refuses amounts that do not fit the dossier', () => {
      given(listed).when(award(money({ approvedInvestmentFen: 1 }))).thenRefused('invalid-award', 'the approved investment was 4000000000');
      given(listed).when(award(money({ standardFen: 4_000_000_001 }))).thenRefused('invalid-award', 'exceeds the approved investment');
      given(listed).when(award(money({ paidFen: 200_000_001 }))).thenRefused('invalid-award', 'exceeds the standard amount');
      given(listed).when(award(money({ paidFen: 5, decision: 'not-paid' }))).thenRefused('invalid-award', 'nothing is paid');
      given(listed).when(award(money({ paidFen: -1 }))).thenRefused('invalid-award', 'whole numbers of fen');
      given(listed).when(award(money({ decision: 'maybe' as 'paid' }))).thenRefused('invalid-award', 'not a decision');
      given(listed).when(award({ kind: 'policy' })).thenRefused('invalid-award', 'pays money');
      given(listed).when(award(money({ reason: '' }))).thenRefused('text-missing');
    });

    it('a policy programme records policy preference only', () => {
      const selection = factsOf('key-enterprise', 'awards-decided');
      const history = [
        drafted({ selectionId: selection.selectionId, programme: 'key-enterprise', tier: 'foundation', declaredInvestmentFen: null }),
        submitted(),
        { type: 'FormalReviewPassed', data: { dossierId: DOSSIER_ID, approvedInvestmentFen: null, note: null, reviewedBy: 'a', passedAt: NOW } },
      ] as DossierEvent[];
      expect(given(history).when(award({ kind: 'policy' }, selection, 'foundation')).events()[0].data).toMatchObject({
        award: { kind: 'policy' },
      });
      given(history).when(award(money(), selection, 'foundation')).thenRefused('invalid-award', 'policy preference');
    });

    it('the tier and rank must be the dossier’s', () => {
      given(listed).when(award(money(), facts('awards-decided'), 'foundation')).thenRefused('wrong-tier');
      given(listed).when(award(money(), facts('awards-decided'), 'scenario', 0)).thenRefused('invalid-rank');
    });

    it('no award while an objection is open, nor after one was upheld', () => {
      given([...listed, objectionFiled()]).when(award()).thenRefused('objection-open');
      given([...listed, objectionFiled(), upheld]).when(award()).thenRefused('objection-upheld');
    });

    it('awards are recorded only once the selection decided them', () => {
      given(listed).when(award(money(), facts('notice'))).thenRefused('wrong-phase');
    });

    it('an applicant cannot award itself', () => {
      given(listed).when({ ...award(), metadata: { now: NOW, actor: { id: 'u', role: 'applicant', organisationCreditCode: APPLICANT } } }).thenRefused('forbidden');
    });

    it('a dossier already awarded is not awarded again', () => {
      const history = [...listed, ...given(listed).when(award()).events()];
      given(history).when(award()).thenRefused('wrong-status', 'was awarded');
    });
  });

  describe('NotAwardDossier', () => {
    it('closes a listed dossier without award, with the reason', () => {
      given(listed)
        .when(notAward())
        .then([
          {
            type: 'DossierNotAwarded',
            data: { dossierId: DOSSIER_ID, selectionId: SELECTION_ID, reason: '排名在名额之外', decidedAt: NOW },
          },
        ]);
    });

    it('is refused before awards are decided, and for a dossier already closed', () => {
      given(listed).when(notAward(facts('notice'))).thenRefused('wrong-phase');
      const closed = [...listed, ...given(listed).when(notAward()).events()];
      given(closed).when(notAward()).thenRefused('wrong-status', 'was not awarded');
    });
  });

  it('gives DecideAwards what it needs of a dossier', () => {
    const state = foldEvents(dossierDecider, listed) as Dossier;
    expect(awardInputOf(state)).toEqual({
      dossierId: DOSSIER_ID,
      applicantCreditCode: APPLICANT,
      projectCode: 'HN-2026-001',
      title: '轨道交通装备柔性制造示范场景',
      approvedInvestmentFen: 4_000_000_000,
    });
  });
});
