import type { DrawRecord } from '../assignment/draw-experts';
import type { SignedDeclaration } from '../commitments/commitment.state';
import type { ConflictExpert } from '../conflicts';
import type { SelectionFacts } from '../selection/selection.phase';
import type { CommandMetadata } from '../shared/command-metadata';
import type { Fen } from '../shared/money';
import type { AttachmentRecord, DefenceSlot, DossierAwardRecord, DossierChanges, EvidenceRecord, Objector } from './dossier.events';

/**
 * Every dossier command carries what it needs from other streams, read by the application:
 * the selection's phase, deadline and rules (`selection`, see selectionFactsOf), and for expert
 * commands the expert as the conflict rules see him (see conflictExpertOf).
 */
interface DossierCommandOf<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data & { readonly dossierId: string; readonly selection: SelectionFacts };
  readonly metadata: CommandMetadata;
}

/** The expert at the time of the command, with how many dossiers of this selection he already holds. */
export interface ExpertFacts extends ConflictExpert {
  readonly load: number;
}

export type DraftDossier = DossierCommandOf<
  'DraftDossier',
  {
    applicantCreditCode: string;
    title: string;
    projectCode?: string | null;
    tier: string;
    fields: Readonly<Record<string, string>>;
    declaredInvestmentFen?: Fen | null;
    excludedExpertIds?: readonly string[];
  }
>;
export type EditDossier = DossierCommandOf<'EditDossier', { changes: DossierChanges }>;
export type AddAttachment = DossierCommandOf<'AddAttachment', { attachment: AttachmentRecord }>;
export type RemoveAttachment = DossierCommandOf<'RemoveAttachment', { attachmentId: string }>;
export type SubmitDossier = DossierCommandOf<'SubmitDossier', Record<never, never>>;
export type WithdrawDossier = DossierCommandOf<'WithdrawDossier', { reason: string }>;

export type PassFormalReview = DossierCommandOf<
  'PassFormalReview',
  { approvedInvestmentFen?: Fen | null; note?: string | null }
>;
export type ReturnForCorrection = DossierCommandOf<
  'ReturnForCorrection',
  { reason: string; correctionDeadlineDate: string }
>;
export type RejectDossier = DossierCommandOf<'RejectDossier', { reason: string }>;

/** `drawReserve`: the expert is the drawn dossier's reserve at this place of its record (备选专家递补). */
export type AssignExpert = DossierCommandOf<'AssignExpert', { expert: ExpertFacts; drawReserve?: number }>;
/** 专家抽取: the draw's record goes on the dossier's stream before the drawn experts are assigned. */
export type RecordDraw = DossierCommandOf<'RecordDraw', { record: DrawRecord }>;
export type RecuseExpert = DossierCommandOf<'RecuseExpert', { expertId: string; reason: string }>;
/** A score, with the expert's signature of the selection's declaration (null: he has not signed). */
interface ScoreData {
  expert: ConflictExpert;
  declaration: SignedDeclaration | null;
  points: Readonly<Record<string, number>>;
  comment: string;
}
export type SubmitScore = DossierCommandOf<
  'SubmitScore',
  ScoreData
>;
export type AmendScore = DossierCommandOf<
  'AmendScore',
  ScoreData
>;

/** The admin declares one expert's score invalid, with a reason. */
/** `stage`: the review stage the admin saw the score in (the confirmation page's); refused once another stage runs. */
export type InvalidateScore = DossierCommandOf<'InvalidateScore', { expertId: string; reason: string; stage?: number }>;
/** The admin marks a dossier below the valid-review minimum as not evaluable, with a reason. */
export type MarkNotEvaluable = DossierCommandOf<'MarkNotEvaluable', { reason: string }>;

/** Carries the dossier's seat of a panel the selection formed (PanelFormed), sent by the process manager. */
export type SeatPanel = DossierCommandOf<
  'SeatPanel',
  { stage: number; panelName: string; expertIds: readonly string[]; recused: readonly { expertId: string; reason: string }[] }
>;
/** The admin schedules (or moves) the dossier's defence or site visit in the stage in progress. */
export type ScheduleDefence = DossierCommandOf<'ScheduleDefence', { slot: DefenceSlot }>;
export type RecordDefenceAttendance = DossierCommandOf<'RecordDefenceAttendance', { attended: boolean; note?: string | null }>;

export type FileObjection = DossierCommandOf<
  'FileObjection',
  { objectionId: string; objector: Objector; reason: string; evidence?: readonly EvidenceRecord[] }
>;
export type UpholdObjection = DossierCommandOf<'UpholdObjection', { objectionId: string; finding: string }>;
export type DismissObjection = DossierCommandOf<'DismissObjection', { objectionId: string; finding: string }>;

/** Carries one line of the selection's AwardsDecided, sent to the dossier it concerns. */
export type AwardDossier = DossierCommandOf<'AwardDossier', { tier: string; rank: number; award: DossierAwardRecord }>;
export type NotAwardDossier = DossierCommandOf<'NotAwardDossier', { reason: string }>;

export type DossierCommand =
  | DraftDossier
  | EditDossier
  | AddAttachment
  | RemoveAttachment
  | SubmitDossier
  | WithdrawDossier
  | PassFormalReview
  | ReturnForCorrection
  | RejectDossier
  | AssignExpert
  | RecordDraw
  | RecuseExpert
  | SubmitScore
  | AmendScore
  | InvalidateScore
  | MarkNotEvaluable
  | SeatPanel
  | ScheduleDefence
  | RecordDefenceAttendance
  | FileObjection
  | UpholdObjection
  | DismissObjection
  | AwardDossier
  | NotAwardDossier;

export type DossierCommandType = DossierCommand['type'];
