import type { LocalDate } from '../calendar';
import type { DossierAwardRecord } from '../dossier/dossier.events';
import type { CallRuleOverrides, CallRules, ProgrammeCode } from '../programmes';
import type { RankedEntry, RankedShortlist } from '../ranking';
import type { DossierAggregate } from '../scoring';
import type { Fen } from '../shared/money';

/** One line of the decided award list; sent on to the dossier as AwardDossier. */
export interface DecidedAward {
  readonly dossierId: string;
  readonly tier: string;
  readonly rank: number;
  /** The code when there is one, else the title (see projectKey); identity itself is pairwise (compareProjects). */
  readonly projectKey: string;
  readonly award: DossierAwardRecord;
  /** What the dossier said of its project when the award was decided (absent in older events). */
  readonly project?: { readonly applicantCreditCode: string; readonly projectCode: string | null; readonly title: string };
  /** Earlier awards found to be this project, and on what evidence. */
  readonly sameProjectAs?: readonly { readonly selectionId: string; readonly dossierId: string; readonly basis: 'code' | 'title' | 'declared' }[];
  /** Dossiers an admin declared a different project although code or title matched. */
  readonly declaredDifferentFrom?: readonly string[];
}

/** A dossier a review stage put forward, with its aggregate in that stage (kept for the combined ranking). */
export interface ForwardedDossier {
  readonly dossierId: string;
  readonly tier: string;
  readonly aggregate: number;
}

export interface NotAwarded {
  readonly dossierId: string;
  readonly reason: string;
}

/**
 * What a planning round leaves on the selection stream: counts and identifiers, never the pairs.
 * The pairs are ExpertAssigned events on the dossier streams, written in the same append; events
 * recorded before this shape carried them (see upcastSelectionEvent).
 */
export interface PlanRoundSummary {
  /** New assignments of this round. */
  readonly assignedCount: number;
  /** New assignments of this round per expert id, ordered by id: one entry per expert of the pool at most. */
  readonly assignedPerExpert: Record<string, number>;
  /** Places the round could not fill, and the dossiers they are on (reasons are in the plan's answer). */
  readonly unfilledPlaces: number;
  readonly unfilledDossierIds: string[];
}

/** Facts of a selection-{programme}-{year}[-{batch}] stream: the selection's own decisions. */
export type SelectionEvent =
  | {
      type: 'SelectionOpened';
      data: {
        selectionId: string;
        programme: ProgrammeCode;
        year: number;
        batch: number | null;
        /** 首批, 第二批, ... */
        batchLabel: string | null;
        title: string;
        /** The programme's rules with the overrides applied: what this call runs under. */
        rules: CallRules;
        overrides: CallRuleOverrides;
        quotas: { tier: string; name: string; quota: number }[];
        submissionDeadlineDate: LocalDate;
        submissionDeadline: string;
        openedAt: string;
      };
    }
  | { type: 'SubmissionsClosed'; data: { selectionId: string; closedAt: string } }
  | { type: 'FormalReviewClosed'; data: { selectionId: string; passedDossierIds: string[]; closedAt: string } }
  | {
      type: 'ExpertReviewStarted';
      data: PlanRoundSummary & {
        selectionId: string;
        dossierIds: string[];
        seed: string;
        expertsPerDossier: number;
        maxPerExpert: number;
        /** Absent in events recorded before deadlines existed: read as null. */
        reviewDeadlineDate?: LocalDate | null;
        /** 'draw': experts drawn at random per dossier (the records are ExpertsDrawn on the dossier streams); absent: the balanced plan. */
        method?: 'draw';
        /** With method 'draw': reserves drawn per dossier. */
        reservesPerDossier?: number;
        startedAt: string;
      };
    }
  | {
      /** A further round, e.g. after recusals freed places (回避). */
      type: 'ReplacementAssignmentsPlanned';
      data: PlanRoundSummary & {
        selectionId: string;
        round: number;
        seed: string;
        /** Places filled by drawn dossiers' reserves in the recorded order (absent: none). */
        fromReserves?: number;
        plannedAt: string;
      };
    }
  | {
      /**
       * A review stage before the last closes: who goes forward (ids and one aggregate each, bounded by
       * the dossiers in the stage); the next stage opens with them. Per-dossier scores stay on the dossiers.
       */
      type: 'ReviewStageClosed';
      data: {
        selectionId: string;
        stage: number;
        stageCode: string;
        forwarded: ForwardedDossier[];
        notForwardedCount: number;
        /** Dossiers out of the race for missing their defence when the call says so (withdrawn). */
        noShowWithdrawnIds: string[];
        closedAt: string;
      };
    }
  | {
      /** The panel (会议评审专家组) of a stage: a named set of experts; recusals are per dossier, on the dossiers. */
      type: 'PanelFormed';
      data: { selectionId: string; stage: number; name: string; expertIds: string[]; recusedSeats: number; formedAt: string };
    }
  | {
      /** The frozen shortlist: what is put on notice and awarded, auditable as it was. */
      type: 'ReviewClosed';
      data: {
        selectionId: string;
        /** The last stage's own aggregates; the shortlist ranks by the final (possibly combined) figure. */
        aggregates: DossierAggregate[];
        shortlist: RankedShortlist;
        /** Absent in events recorded before stages: stage 1 of 1. */
        stage?: number;
        noShowWithdrawnIds?: string[];
        closedAt: string;
      };
    }
  | {
      type: 'PublicNoticeStarted';
      data: {
        selectionId: string;
        startsOn: LocalDate;
        endsOn: LocalDate;
        workingDays: number;
        startsAt: string;
        endsAt: string;
        listedDossierIds: string[];
        /** The holiday notices the working days were counted on. */
        calendarSources: string[];
        startedAt: string;
      };
    }
  | {
      /** An upheld objection takes the dossier off the list; the next reserve of its tier moves up (递补). */
      type: 'ShortlistEntryDropped';
      data: {
        selectionId: string;
        dossierId: string;
        objectionId: string;
        finding: string;
        promoted: RankedEntry | null;
        shortlist: RankedShortlist;
        droppedAt: string;
      };
    }
  | {
      type: 'ObjectionDismissalRecorded';
      data: { selectionId: string; dossierId: string; objectionId: string; finding: string; recordedAt: string };
    }
  | {
      type: 'AwardsDecided';
      data: {
        selectionId: string;
        programme: ProgrammeCode;
        year: number;
        awards: DecidedAward[];
        notAwarded: NotAwarded[];
        totalPaidFen: Fen;
        decidedAt: string;
      };
    }
  | { type: 'AwardsPublished'; data: { selectionId: string; publishedAt: string } };

export type SelectionEventType = SelectionEvent['type'];
