import type { DrawRecord, ExistingAssignment } from '../assignment';
import type { CalendarYear, LocalDate } from '../calendar';
import type { ConflictDossier, ConflictExpert } from '../conflicts';
import type { DossierAwardInput } from '../dossier/dossier.views';
import type { EarlierAward, IdentityDeclaration } from '../awards';
import type { CallRuleOverrides, ProgrammeCode, ProgrammeRules } from '../programmes';
import type { ExpertTotal } from '../scoring';
import type { CommandMetadata } from '../shared/command-metadata';

interface SelectionCommandOf<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

/** Opens the year's call; `rules` is the programme's seed as parsed by parseProgrammeRules. */
export type OpenCall = SelectionCommandOf<
  'OpenCall',
  {
    programme: ProgrammeCode;
    year: number;
    batch?: number | null;
    rules: ProgrammeRules;
    overrides?: CallRuleOverrides;
    submissionDeadlineDate: LocalDate;
  }
>;
export type CloseSubmissions = SelectionCommandOf<'CloseSubmissions', Record<never, never>>;
/** Read from the dossier streams: which passed, and which still wait for a formal-review decision. */
export type CloseFormalReview = SelectionCommandOf<
  'CloseFormalReview',
  { passedDossierIds: readonly string[]; awaitingDecision: readonly string[] }
>;
export type StartExpertReview = SelectionCommandOf<
  'StartExpertReview',
  {
    dossiers: readonly ConflictDossier[];
    experts: readonly ConflictExpert[];
    seed?: string;
    /** The last day experts have to score (Beijing time); scores still missing after it are late. */
    reviewDeadlineDate?: LocalDate;
    /** 专家抽取: draw each dossier's experts at random from its field pool instead of the balanced plan. */
    draw?: { reservesPerDossier: number };
  }
>;
export type PlanReplacementAssignments = SelectionCommandOf<
  'PlanReplacementAssignments',
  {
    dossiers: readonly ConflictDossier[];
    experts: readonly ConflictExpert[];
    /** Assignments in force (recused ones left out). */
    existing: readonly ExistingAssignment[];
    seed?: string;
    /** The draw records of the given dossiers that were drawn: their freed places go to the reserves first. */
    draws?: readonly DrawRecord[];
  }
>;
/** A dossier in the stage being closed; `defence` only in stages with a defence (答辩) slot. */
export interface StageCandidate {
  readonly dossierId: string;
  readonly tier: string;
  readonly submittedAt: string;
  /** Attendance recorded at the defence; null or absent: not recorded. */
  readonly defence?: 'attended' | 'absent' | null;
}
/** The candidates and the scores that count in the current stage, read from the dossier streams (see reviewInputOf). */
export type CloseReview = SelectionCommandOf<
  'CloseReview',
  {
    candidates: readonly StageCandidate[];
    scores: readonly ExpertTotal[];
  }
>;
/** Closes a stage before the last: the same input as CloseReview, for the stage in progress. */
export type CloseReviewStage = SelectionCommandOf<
  'CloseReviewStage',
  {
    candidates: readonly StageCandidate[];
    scores: readonly ExpertTotal[];
  }
>;
/** Names the panel of the stage in progress; `dossiers` are every dossier of the stage, for the conflict check. */
export type FormPanel = SelectionCommandOf<
  'FormPanel',
  { name: string; members: readonly ConflictExpert[]; dossiers: readonly ConflictDossier[] }
>;
export type StartPublicNotice = SelectionCommandOf<
  'StartPublicNotice',
  { calendarYears: readonly CalendarYear[]; startsOn?: LocalDate }
>;
export type RecordObjectionOutcome = SelectionCommandOf<
  'RecordObjectionOutcome',
  { dossierId: string; objectionId: string; outcome: 'upheld' | 'dismissed'; finding: string }
>;
export type DecideAwards = SelectionCommandOf<
  'DecideAwards',
  {
    /** One per selected dossier (see awardInputOf). */
    dossiers: readonly DossierAwardInput[];
    /**
     * Awards already in the fund ledgers of the listed applicants (see earlierAwardsOfLedger), for
     * 不重复享受; read in the same unit of work that appends this decision's ledger entries.
     */
    earlierAwards: readonly EarlierAward[];
    /** The admin's word on pairs whose project code and title point different ways. */
    identityDeclarations?: readonly IdentityDeclaration[];
    /** Objections still undecided on any dossier of the selection. */
    openObjections: readonly { dossierId: string; objectionId: string }[];
  }
>;
export type PublishAwards = SelectionCommandOf<'PublishAwards', Record<never, never>>;

export type SelectionCommand =
  | OpenCall
  | CloseSubmissions
  | CloseFormalReview
  | StartExpertReview
  | PlanReplacementAssignments
  | CloseReview
  | CloseReviewStage
  | FormPanel
  | StartPublicNotice
  | RecordObjectionOutcome
  | DecideAwards
  | PublishAwards;

export type SelectionCommandType = SelectionCommand['type'];
