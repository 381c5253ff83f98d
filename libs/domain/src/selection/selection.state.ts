import type { LocalDate } from '../calendar';
import type { CallRules, ProgrammeCode } from '../programmes';
import type { RankedShortlist } from '../ranking';
import type { DossierAggregate } from '../scoring';
import type { DecidedAward, ForwardedDossier, NotAwarded, SelectionEvent } from './selection.events';
import { upcastSelectionEvent } from './selection.upcast';
import type { StoredSelectionEvent } from './selection.upcast';
import type { NoticePeriod, SelectionFacts, SelectionPhase } from './selection.phase';

export interface Selection {
  readonly phase: SelectionPhase;
  readonly selectionId: string;
  readonly programme: ProgrammeCode;
  readonly year: number;
  readonly batch: number | null;
  readonly title: string;
  readonly rules: CallRules;
  readonly submissionDeadlineDate: LocalDate;
  readonly submissionDeadline: string;
  readonly passedDossierIds: readonly string[];
  readonly reviewDossierIds: readonly string[];
  /** Assignment rounds so far: 1 after the plan, +1 per replacement round. */
  readonly assignmentRounds: number;
  /** The last day of scoring set when review started; null when none was set. */
  readonly reviewDeadlineDate: LocalDate | null;
  /** The review stage in progress or last closed, 1-based; 1 for calls without stages. */
  readonly stage: number;
  /** Closed stages before the last, with what each put forward. */
  readonly stageResults: readonly StageResult[];
  readonly panels: readonly PanelRecord[];
  readonly aggregates: readonly DossierAggregate[];
  readonly shortlist: RankedShortlist | null;
  readonly notice: NoticePeriod | null;
  readonly droppedDossierIds: readonly string[];
  readonly recordedObjectionIds: readonly string[];
  readonly awards: readonly DecidedAward[];
  readonly notAwarded: readonly NotAwarded[];
}

export interface StageResult {
  readonly stage: number;
  readonly stageCode: string;
  readonly forwarded: readonly ForwardedDossier[];
  readonly notForwardedCount: number;
}

export interface PanelRecord {
  readonly stage: number;
  readonly name: string;
  readonly expertIds: readonly string[];
}

export type SelectionState = { readonly phase: 'none' } | Selection;

/**
 * The fold of a selection stream for snapshots: bump the version when evolveSelection gives another
 * state for the same events, and every stored snapshot is rebuilt from the whole stream.
 */
export const SELECTION_FOLD = { fold: 'selection', version: 2 } as const;

export function evolveSelection(state: SelectionState, stored: StoredSelectionEvent): SelectionState {
  const event = upcastSelectionEvent(stored);
  if (event.type === 'SelectionOpened') {
    const { selectionId, programme, year, batch, title, rules, submissionDeadlineDate, submissionDeadline } = event.data;
    return {
      phase: 'open',
      selectionId,
      programme,
      year,
      batch,
      title,
      rules,
      submissionDeadlineDate,
      submissionDeadline,
      passedDossierIds: [],
      reviewDossierIds: [],
      assignmentRounds: 0,
      reviewDeadlineDate: null,
      stage: 1,
      stageResults: [],
      panels: [],
      aggregates: [],
      shortlist: null,
      notice: null,
      droppedDossierIds: [],
      recordedObjectionIds: [],
      awards: [],
      notAwarded: [],
    };
  }
  // Every other event follows SelectionOpened: the decider never emits one on an empty stream.
  const selection = state as Selection;
  switch (event.type) {
    case 'SubmissionsClosed':
      return { ...selection, phase: 'formal-review' };
    case 'FormalReviewClosed':
      return { ...selection, phase: 'formal-review-closed', passedDossierIds: event.data.passedDossierIds };
    case 'ExpertReviewStarted':
      return {
        ...selection,
        phase: 'expert-review',
        reviewDossierIds: event.data.dossierIds,
        assignmentRounds: 1,
        reviewDeadlineDate: event.data.reviewDeadlineDate ?? null,
      };
    case 'ReplacementAssignmentsPlanned':
      return { ...selection, assignmentRounds: event.data.round };
    case 'ReviewStageClosed': {
      const { stage, stageCode, forwarded, notForwardedCount } = event.data;
      return {
        ...selection,
        stage: stage + 1,
        reviewDossierIds: forwarded.map((dossier) => dossier.dossierId),
        stageResults: [...selection.stageResults, { stage, stageCode, forwarded, notForwardedCount }],
      };
    }
    case 'PanelFormed': {
      const { stage, name, expertIds } = event.data;
      return { ...selection, panels: [...selection.panels, { stage, name, expertIds }] };
    }
    case 'ReviewClosed':
      return { ...selection, phase: 'review-closed', aggregates: event.data.aggregates, shortlist: event.data.shortlist };
    case 'PublicNoticeStarted': {
      const { startsOn, endsOn, workingDays, startsAt, endsAt } = event.data;
      return { ...selection, phase: 'notice', notice: { startsOn, endsOn, workingDays, startsAt, endsAt } };
    }
    case 'ShortlistEntryDropped':
      return {
        ...selection,
        shortlist: event.data.shortlist,
        droppedDossierIds: [...selection.droppedDossierIds, event.data.dossierId],
        recordedObjectionIds: [...selection.recordedObjectionIds, event.data.objectionId],
      };
    case 'ObjectionDismissalRecorded':
      return { ...selection, recordedObjectionIds: [...selection.recordedObjectionIds, event.data.objectionId] };
    case 'AwardsDecided':
      return { ...selection, phase: 'awards-decided', awards: event.data.awards, notAwarded: event.data.notAwarded };
    case 'AwardsPublished':
      return { ...selection, phase: 'published' };
  }
}

export function selectedDossierIdsOf(selection: Selection): string[] {
  return (selection.shortlist?.tiers ?? []).flatMap((tier) => tier.selected.map((entry) => entry.dossierId));
}

/** What a dossier command needs to know of its selection (see SelectionFacts). */
export function selectionFactsOf(selection: Selection): SelectionFacts {
  const { selectionId, programme, phase, submissionDeadlineDate, submissionDeadline, rules, notice, stage } = selection;
  return {
    selectionId,
    stage,
    programme,
    phase,
    submissionDeadlineDate,
    submissionDeadline,
    rules,
    notice,
    selectedDossierIds: selectedDossierIdsOf(selection),
  };
}
