// Builders for dossier specs: a demo-scenario selection of 2026 and one dossier of 长沙某智造公司.
import { DEFAULT_DECLARATION, SignedDeclaration } from '../commitments';
import type { ConflictExpert } from '../conflicts';
import type { CallRules, ProgrammeCode } from '../programmes';
import { seedCallRules } from '../programmes/programmes.test-support';
import { asAdmin, asApplicant, asExpert, creditCode, NOW } from '../selection/actors.test-support';
import { givenWhenThen } from '../selection/given-when-then.test-support';
import type { SelectionFacts, SelectionPhase } from '../selection/selection.phase';
import type { CommandMetadata } from '../shared/command-metadata';
// Through the module's public surface, as the application uses it.
import { AttachmentRecord, DossierCommand, dossierDecider, DossierEvent, ExpertFacts } from '.';

export const given = givenWhenThen(dossierDecider);

export const APPLICANT = creditCode(101);
export const OTHER_ORGANISATION = creditCode(102);
export const DOSSIER_ID = 'd-1';
export const SELECTION_ID = 'demo-scenario-2026';
export const DEADLINE = '2026-03-31T15:59:59.999Z';
export const AFTER_DEADLINE = '2026-03-31T16:00:00.000Z';
export const IN_REVIEW = '2026-04-20T02:00:00.000Z';
export const IN_NOTICE = '2026-05-12T02:00:00.000Z';
export const NOTICE = {
  startsOn: '2026-05-11',
  endsOn: '2026-05-15',
  workingDays: 5,
  startsAt: '2026-05-10T16:00:00.000Z',
  endsAt: '2026-05-15T15:59:59.999Z',
};

export const demoRules: CallRules = seedCallRules('demo-scenario');

export function facts(phase: SelectionPhase = 'open', overrides: Partial<SelectionFacts> = {}): SelectionFacts {
  return {
    selectionId: SELECTION_ID,
    programme: 'demo-scenario',
    phase,
    submissionDeadlineDate: '2026-03-31',
    submissionDeadline: DEADLINE,
    rules: demoRules,
    notice: phase === 'notice' || phase === 'awards-decided' || phase === 'published' ? NOTICE : null,
    selectedDossierIds: [DOSSIER_ID],
    ...overrides,
  };
}

/** Facts of a selection of another programme, for programme-specific rules. */
export function factsOf(programme: ProgrammeCode, phase: SelectionPhase = 'open'): SelectionFacts {
  return { ...facts(phase), selectionId: `${programme}-2026`, programme, rules: seedCallRules(programme) };
}

export const applicant = (now = NOW): CommandMetadata => asApplicant(APPLICANT, now);

export const FIELDS = {
  sceneName: '轨道交通装备柔性制造',
  domain: 'AI+离散型制造',
  description: '针对离散型制造业多品种小批量定制化生产模式',
  demonstration: '智能制造工厂',
  promotionValue: '可复制、可推广的智能工厂建设方案',
};

export function attachment(kind: string, n: number, overrides: Partial<AttachmentRecord> = {}): AttachmentRecord {
  return {
    attachmentId: `a-${n}`,
    kind,
    name: `${kind}.pdf`,
    mediaType: 'application/pdf',
    sizeBytes: 1_000_000,
    sha256: n.toString(16).padStart(64, '0'),
    ...overrides,
  };
}

export const REQUIRED_KINDS = ['application-form', 'legal-entity-certificate', 'integrity-commitment', 'investment-evidence'];

// --- events -------------------------------------------------------------------------------------

export function drafted(overrides: Partial<Extract<DossierEvent, { type: 'DossierDrafted' }>['data']> = {}): DossierEvent {
  return {
    type: 'DossierDrafted',
    data: {
      dossierId: DOSSIER_ID,
      selectionId: SELECTION_ID,
      programme: 'demo-scenario',
      applicantCreditCode: APPLICANT,
      title: '轨道交通装备柔性制造示范场景',
      projectCode: 'HN-2026-001',
      tier: 'scenario',
      fields: { ...FIELDS },
      declaredInvestmentFen: 5_000_000_000,
      excludedExpertIds: ['e-excluded'],
      draftedAt: NOW,
      ...overrides,
    },
  };
}

export function attached(kind: string, n: number): DossierEvent {
  return { type: 'AttachmentAdded', data: { dossierId: DOSSIER_ID, attachment: attachment(kind, n), addedAt: NOW } };
}

export const complete: DossierEvent[] = [drafted(), ...REQUIRED_KINDS.map((kind, i) => attached(kind, i + 1))];

export const submitted = (at = NOW, resubmission = false): DossierEvent => ({
  type: 'DossierSubmitted',
  data: { dossierId: DOSSIER_ID, selectionId: SELECTION_ID, submittedAt: at, resubmission },
});

export const returned: DossierEvent = {
  type: 'DossierReturnedForCorrection',
  data: {
    dossierId: DOSSIER_ID,
    reason: '缺少投资证明',
    correctionDeadlineDate: '2026-04-10',
    correctionDeadline: '2026-04-10T15:59:59.999Z',
    reviewedBy: 'admin-1',
    returnedAt: '2026-04-02T02:00:00.000Z',
  },
};

export const passed = (approvedInvestmentFen: number | null = 4_000_000_000): DossierEvent => ({
  type: 'FormalReviewPassed',
  data: { dossierId: DOSSIER_ID, approvedInvestmentFen, note: null, reviewedBy: 'admin-1', passedAt: NOW },
});

export const inReview: DossierEvent[] = [...complete, submitted(), passed()];

export const assigned = (expertId: string, fieldMatch = true, assignedAt = NOW): DossierEvent => ({
  type: 'ExpertAssigned',
  data: { dossierId: DOSSIER_ID, expertId, fieldMatch, assignedAt },
});

export const POINTS = { technology: 20, effectiveness: 25, replicability: 20, investment: 8, compliance: 9 };

export const scored = (expertId: string, points = POINTS, total = 82): DossierEvent => ({
  type: 'ScoreSubmitted',
  data: { dossierId: DOSSIER_ID, expertId, points, total, comment: '示范效果显著', submittedAt: NOW },
});

export const objectionFiled = (objectionId = 'o-1'): DossierEvent => ({
  type: 'ObjectionFiled',
  data: {
    dossierId: DOSSIER_ID,
    objectionId,
    objector: { name: '李明', contact: '13800000000', organisation: null },
    reason: '投资额虚报',
    filedAt: IN_NOTICE,
  },
});

// --- experts ------------------------------------------------------------------------------------

export function expert(expertId: string, overrides: Partial<ExpertFacts> = {}): ExpertFacts {
  return {
    expertId,
    organisationCreditCode: OTHER_ORGANISATION,
    declaredConflictCreditCodes: [],
    fields: ['AI+离散型制造'],
    active: true,
    load: 0,
    ...overrides,
  };
}

/** The expert's signature of this selection's default declaration, as the application reads it from his commitment stream. */
export function signedBy(expertId: string, selectionId = SELECTION_ID): SignedDeclaration {
  return { selectionId, expertId, version: DEFAULT_DECLARATION.version, paragraphs: DEFAULT_DECLARATION.paragraphs, signedAt: NOW };
}

export function scoreCommand(
  expertId: string,
  overrides: { points?: Record<string, number>; comment?: string; expert?: Partial<ConflictExpert>; declaration?: SignedDeclaration | null } = {},
  type: 'SubmitScore' | 'AmendScore' = 'SubmitScore',
  metadata: CommandMetadata = asExpert(expertId, IN_REVIEW),
): DossierCommand {
  const { load: _load, ...conflictExpert } = expert(expertId, overrides.expert);
  return {
    type,
    data: {
      dossierId: DOSSIER_ID,
      selection: facts('expert-review'),
      expert: conflictExpert,
      declaration: overrides.declaration === undefined ? signedBy(expertId) : overrides.declaration,
      points: overrides.points ?? POINTS,
      comment: overrides.comment ?? '示范效果显著',
    },
    metadata,
  };
}

export { asAdmin, asApplicant, asExpert, NOW };
