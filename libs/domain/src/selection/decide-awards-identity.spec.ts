/**
 * DecideAwards and "the same project" (不重复享受): each combination of project code and title
 * between a listed dossier and an award the same applicant already received this year, and between
 * two dossiers on the same list. d-1 (¥2,000,000 standard), d-2 and d-3 are listed.
 */
import type { EarlierAward, IdentityDeclaration } from '../awards';
import type { DossierAwardInput } from '../dossier/dossier.views';
import type { DecideAwards } from './selection.commands';
import {
  AFTER_NOTICE,
  asAdmin,
  closeFormalReview,
  closeReview,
  closeSubmissions,
  creditCode,
  dataOf,
  dossierIds,
  given,
  openCall,
  play,
  startExpertReview,
  startNotice,
} from './selection.test-support';

const seven = dossierIds(7);
const inNotice = play(
  [
    openCall({ overrides: { quotas: { scenario: 3 } } }),
    closeSubmissions,
    closeFormalReview(seven),
    startExpertReview(seven),
    closeReview({ 'd-1': 90, 'd-2': 85, 'd-3': 80, 'd-4': 75, 'd-5': 70, 'd-6': 65, 'd-7': 50 }, 'scenario'),
    startNotice(),
  ],
);
const APPLICANT = creditCode(201);
const MODEL = '2026年湖南省“人工智能+”人工智能垂类大模型评选';

/** d-1 is 智慧港口调度 of APPLICANT, approved ¥40,000,000 (standard ¥2,000,000, the cap). */
function listed(d1: Partial<DossierAwardInput> = {}): DossierAwardInput[] {
  return [
    { dossierId: 'd-1', applicantCreditCode: APPLICANT, projectCode: null, title: '智慧港口调度', approvedInvestmentFen: 4_000_000_000, ...d1 },
    { dossierId: 'd-2', applicantCreditCode: creditCode(202), projectCode: 'P-2', title: '项目2', approvedInvestmentFen: 500_000_000 },
    { dossierId: 'd-3', applicantCreditCode: creditCode(203), projectCode: 'P-3', title: '项目3', approvedInvestmentFen: 100_000_000 },
  ];
}

/** APPLICANT already received ¥1,000,000 under the vertical-model selection of 2026 for dossier vm-7. */
function paidBefore(overrides: Partial<EarlierAward> = {}): EarlierAward {
  return {
    selectionId: 'vertical-model-2026',
    selectionTitle: MODEL,
    programme: 'vertical-model',
    year: 2026,
    dossierId: 'vm-7',
    applicantCreditCode: APPLICANT,
    projectCode: null,
    title: '智慧港口调度',
    standardFen: 100_000_000,
    paidFen: 100_000_000,
    ...overrides,
  };
}

function decide(dossiers: DossierAwardInput[], earlierAwards: EarlierAward[], identityDeclarations?: IdentityDeclaration[]): DecideAwards {
  return {
    type: 'DecideAwards',
    data: { dossiers, earlierAwards, openObjections: [], ...(identityDeclarations ? { identityDeclarations } : {}) },
    metadata: asAdmin(AFTER_NOTICE),
  };
}

const firstLine = (command: DecideAwards) => dataOf(given(inNotice).when(command).events(), 'AwardsDecided').awards[0];

describe('DecideAwards: which earlier awards are the same project', () => {
  it.each([
    ['code/code same, same title', { projectCode: 'XM-1' }, { projectCode: 'xm1' }, 'code'],
    ['code on this dossier only, same title', { projectCode: 'XM-1' }, { projectCode: null }, 'title'],
    ['code on the earlier dossier only, same title', { projectCode: null }, { projectCode: 'XM-1' }, 'title'],
    ['no code on either, same title written differently', { title: '《智慧港口》调度' }, { projectCode: null }, 'title'],
  ] as const)('given %s, when awards are decided, then only the top-up to the higher standard is paid', (_case, d1, before, basis) => {
    const line = firstLine(decide(listed(d1), [paidBefore(before)]));
    expect(line.award).toMatchObject({ kind: 'money', standardFen: 200_000_000, paidFen: 100_000_000, decision: 'top-up' });
    expect(line.award.kind === 'money' && line.award.reason).toBe(`就高原则:已于《${MODEL}》获支持 1,000,000.00 元,按较高标准 2,000,000.00 元 补差 1,000,000.00 元`);
    expect(line.sameProjectAs).toEqual([{ selectionId: 'vertical-model-2026', dossierId: 'vm-7', basis }]);
  });

  it.each([
    ['code/code different, different titles', { projectCode: 'XM-1' }, { projectCode: 'XM-2', title: '工业质检' }],
    ['code on one side, different titles', { projectCode: 'XM-1' }, { title: '工业质检' }],
    ['no code on either, different titles', {}, { title: '智慧港口调度二期' }],
    ['same code and title, another applicant', { projectCode: 'XM-1' }, { projectCode: 'XM-1', applicantCreditCode: creditCode(299) }],
  ] as const)('given %s, when awards are decided, then the full standard is paid', (_case, d1, before) => {
    const line = firstLine(decide(listed(d1), [paidBefore(before)]));
    expect(line.award).toMatchObject({ paidFen: 200_000_000, decision: 'paid' });
    expect(line.sameProjectAs).toEqual([]);
  });

  describe.each([
    ['same code, different title', { projectCode: 'XM-1' }, { projectCode: 'XM-1', title: '港口调度大模型' }, '项目编号相同而项目名称不同'],
    ['same title, different codes', { projectCode: 'XM-1' }, { projectCode: 'XM-2' }, '项目名称相同而项目编号不同'],
  ] as const)('given %s', (_case, d1, before, why) => {
    it('when awards are decided without a declaration, then the decision is held with both candidates shown', () => {
      const refusal = given(inNotice).when(decide(listed(d1), [paidBefore(before)])).thenRefused('project-identity-unclear', why);
      expect(refusal.kind).toBe('conflict');
      expect(refusal.message).toContain('《智慧港口调度》(项目编号 XM-1,本次名单,申报 d-1)');
      expect(refusal.message).toContain(`已于《${MODEL}》获支持 1,000,000.00 元,申报 vm-7`);
      expect(refusal.message).toContain('identityDeclarations');
      expect(refusal.details).toMatchObject({
        candidates: [{ dossier: { dossierId: 'd-1', projectCode: 'XM-1' }, other: { dossierId: 'vm-7', selectionId: 'vertical-model-2026', paidFen: 100_000_000 } }],
      });
    });

    it('when the admin declares them the same project, then only the top-up is paid', () => {
      const line = firstLine(decide(listed(d1), [paidBefore(before)], [{ dossierId: 'd-1', otherDossierId: 'vm-7', sameProject: true }]));
      expect(line.award).toMatchObject({ paidFen: 100_000_000, decision: 'top-up' });
      expect(line.sameProjectAs).toEqual([{ selectionId: 'vertical-model-2026', dossierId: 'vm-7', basis: 'declared' }]);
    });

    it('when the admin declares them different projects, then the full standard is paid and the declaration kept', () => {
      const line = firstLine(decide(listed(d1), [paidBefore(before)], [{ dossierId: 'vm-7', otherDossierId: 'd-1', sameProject: false }]));
      expect(line.award).toMatchObject({ paidFen: 200_000_000, decision: 'paid' });
      expect(line.declaredDifferentFrom).toEqual(['vm-7']);
    });
  });

  describe('given two earlier projects of the applicant with the same title under different codes', () => {
    const history = [
      paidBefore({ dossierId: 'vm-7', projectCode: 'XM-1' }),
      paidBefore({ selectionId: 'dataset-2026', selectionTitle: '2026年数据集评选', dossierId: 'ds-8', projectCode: 'XM-2', standardFen: 50_000_000, paidFen: 50_000_000 }),
    ];

    it('when a dossier without a code has that title, then the decision is held against both', () => {
      const refusal = given(inNotice).when(decide(listed(), history)).thenRefused('project-identity-unclear', '已有多个编号不同的项目');
      expect((refusal.details as { candidates: { other: { dossierId: string } }[] }).candidates.map((candidate) => candidate.other.dossierId)).toEqual(['vm-7', 'ds-8']);
      given(inNotice)
        .when(decide(listed(), history, [{ dossierId: 'd-1', otherDossierId: 'vm-7', sameProject: true }]))
        .thenRefused('project-identity-unclear', 'ds-8');
    });

    it('when the admin declares which one it is, then only that one counts', () => {
      const line = firstLine(
        decide(listed(), history, [
          { dossierId: 'd-1', otherDossierId: 'vm-7', sameProject: true },
          { dossierId: 'd-1', otherDossierId: 'ds-8', sameProject: false },
        ]),
      );
      expect(line.award).toMatchObject({ paidFen: 100_000_000, decision: 'top-up' });
      expect(line.declaredDifferentFrom).toEqual(['ds-8']);
    });

    it('when the dossier carries one of the codes, then it is still held against the other code (same title, different codes)', () => {
      const refusal = given(inNotice).when(decide(listed({ projectCode: 'XM-2' }), history)).thenRefused('project-identity-unclear', '项目名称相同而项目编号不同');
      expect((refusal.details as { candidates: { other: { dossierId: string } }[] }).candidates.map((candidate) => candidate.other.dossierId)).toEqual(['vm-7']);
    });
  });

  it('a declaration about a pair whose evidence agrees is refused, naming it', () => {
    given(inNotice)
      .when(decide(listed({ projectCode: 'XM-1' }), [paidBefore({ projectCode: 'XM-1' })], [{ dossierId: 'd-1', otherDossierId: 'vm-7', sameProject: false }]))
      .thenRefused('identity-declaration-unneeded', 'd-1 与 vm-7');
    given(inNotice).when(decide(listed(), [], [{ dossierId: 'd-1', otherDossierId: 'nothing', sameProject: true }])).thenRefused('identity-declaration-unneeded');
  });

  it('an award of the year before counts too: 不重复享受 binds the plan’s validity, not one year', () => {
    expect(firstLine(decide(listed(), [paidBefore({ year: 2025, selectionId: 'vertical-model-2025' })])).award).toMatchObject({ paidFen: 100_000_000, decision: 'top-up' });
  });
});

describe('DecideAwards: two dossiers of one applicant on the same list', () => {
  const twoOf = (second: Partial<DossierAwardInput>): DossierAwardInput[] => {
    const [d1, , d3] = listed({ projectCode: 'XM-1' });
    return [d1, { dossierId: 'd-2', applicantCreditCode: APPLICANT, projectCode: null, title: '智慧港口调度', approvedInvestmentFen: 500_000_000, ...second }, d3];
  };

  it('given the same title and a code on one only, then the list is refused as the same project twice', () => {
    given(inNotice).when(decide(twoOf({}), [])).thenRefused('duplicate-project', 'd-1 and d-2');
  });

  it('given different titles and no codes to compare, then both are paid', () => {
    const data = dataOf(given(inNotice).when(decide(twoOf({ title: '工业质检' }), [])).events(), 'AwardsDecided');
    expect(data.awards.map((line) => line.award.kind === 'money' && line.award.decision)).toEqual(['paid', 'paid', 'paid']);
  });

  it('given the same title and different codes, then the decision is held until declared', () => {
    given(inNotice).when(decide(twoOf({ projectCode: 'XM-2' }), [])).thenRefused('project-identity-unclear', '本次名单');
    const data = dataOf(
      given(inNotice).when(decide(twoOf({ projectCode: 'XM-2' }), [], [{ dossierId: 'd-1', otherDossierId: 'd-2', sameProject: false }])).events(),
      'AwardsDecided',
    );
    expect(data.awards.map((line) => line.award.kind === 'money' && line.award.paidFen)).toEqual([200_000_000, 100_000_000, 20_000_000]);
    given(inNotice)
      .when(decide(twoOf({ projectCode: 'XM-2' }), [], [{ dossierId: 'd-1', otherDossierId: 'd-2', sameProject: true }]))
      .thenRefused('duplicate-project');
  });
});
