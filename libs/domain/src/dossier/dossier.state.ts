import type { ProgrammeCode } from '../programmes';
import type { Fen } from '../shared/money';
import type { AttachmentRecord, DefenceSlot, DossierAwardRecord, DossierEvent, EvidenceRecord, Objector } from './dossier.events';

export type DossierStatus =
  | 'draft'
  | 'submitted'
  | 'returned'
  | 'passed'
  | 'rejected'
  | 'withdrawn'
  | 'awarded'
  | 'not-awarded';

export interface ExpertAssignment {
  readonly expertId: string;
  readonly status: 'assigned' | 'recused';
  readonly fieldMatch: boolean;
  readonly recusalReason: string | null;
}

export interface DossierDraw {
  readonly seed: string;
  readonly candidates: readonly string[];
  readonly drawn: readonly string[];
  readonly reserves: readonly string[];
  readonly drawnAt: string;
}

export interface ExpertScore {
  readonly expertId: string;
  readonly points: Readonly<Record<string, number>>;
  readonly total: number;
  readonly comment: string;
  readonly submittedAt: string;
  readonly amendedAt: string | null;
}

export interface InvalidatedScore {
  readonly expertId: string;
  /** Absent: the online review's score. */
  readonly stage?: number;
  readonly total: number;
  readonly reason: string;
  readonly invalidatedAt: string;
}

/** The dossier in a panel stage (2, 3 …): its panel seat, its defence and the panel's scores. */
export interface StageReview {
  readonly stage: number;
  readonly panelName: string;
  readonly expertIds: readonly string[];
  readonly recused: readonly { readonly expertId: string; readonly reason: string }[];
  readonly defence: DefenceSlot | null;
  readonly attendance: 'attended' | 'absent' | null;
  readonly scores: readonly ExpertScore[];
}

export interface ObjectionRecord {
  readonly objectionId: string;
  readonly objector: Objector;
  readonly reason: string;
  readonly evidence: readonly EvidenceRecord[];
  readonly filedAt: string;
  readonly status: 'open' | 'upheld' | 'dismissed';
  readonly finding: string | null;
}

export interface Dossier {
  readonly status: DossierStatus;
  readonly dossierId: string;
  readonly selectionId: string;
  readonly programme: ProgrammeCode;
  readonly applicantCreditCode: string;
  readonly title: string;
  readonly projectCode: string | null;
  readonly tier: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly declaredInvestmentFen: Fen | null;
  readonly excludedExpertIds: readonly string[];
  readonly attachments: readonly AttachmentRecord[];
  /** The first submission ranks ties (an ordered correction does not cost the applicant its place). */
  readonly firstSubmittedAt: string | null;
  readonly lastSubmittedAt: string | null;
  readonly correction: { readonly reason: string; readonly deadlineDate: string; readonly deadline: string } | null;
  readonly approvedInvestmentFen: Fen | null;
  readonly assignments: readonly ExpertAssignment[];
  /** 专家抽取: the draw's record when the experts were drawn (absent or null: planned, or folded before). */
  readonly draw?: DossierDraw | null;
  /** Stage 1's scores that count: a recused expert's score is dropped. */
  readonly scores: readonly ExpertScore[];
  /** Panel stages the dossier reached, in order. Absent on states folded before stages. */
  readonly laterStages?: readonly StageReview[];
  /** Scores the admin declared invalid, with his reason (they do not count). Absent on states folded before. */
  readonly invalidatedScores?: readonly InvalidatedScore[];
  /** Marked not evaluable (无法评审): out of the ranking, with the reason. Absent or null: evaluable. */
  readonly notEvaluable?: { readonly reason: string; readonly validReviews: number; readonly minimum: number; readonly markedAt: string } | null;
  readonly objections: readonly ObjectionRecord[];
  readonly award: { readonly tier: string; readonly rank: number; readonly record: DossierAwardRecord } | null;
  /** Why the dossier left the race: rejection, withdrawal, no award. */
  readonly closingReason: string | null;
}

export type DossierState = { readonly status: 'none' } | Dossier;

export function evolveDossier(state: DossierState, event: DossierEvent): DossierState {
  if (event.type === 'DossierDrafted') {
    const { draftedAt: _draftedAt, ...data } = event.data;
    return {
      ...data,
      status: 'draft',
      attachments: [],
      firstSubmittedAt: null,
      lastSubmittedAt: null,
      correction: null,
      approvedInvestmentFen: null,
      assignments: [],
      scores: [],
      objections: [],
      award: null,
      closingReason: null,
    };
  }
  // Every other event follows a draft: the decider never emits one on an empty stream.
  const dossier = state as Dossier;
  switch (event.type) {
    case 'DossierEdited': {
      const { fields, ...changes } = event.data.changes;
      const merged = { ...dossier.fields, ...(fields ?? {}) };
      const kept = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== ''));
      return { ...dossier, ...changes, fields: kept };
    }
    case 'AttachmentAdded':
      return { ...dossier, attachments: [...dossier.attachments, event.data.attachment] };
    case 'AttachmentRemoved':
      return {
        ...dossier,
        attachments: dossier.attachments.filter((attachment) => attachment.attachmentId !== event.data.attachmentId),
      };
    case 'DossierSubmitted':
      return {
        ...dossier,
        status: 'submitted',
        firstSubmittedAt: dossier.firstSubmittedAt ?? event.data.submittedAt,
        lastSubmittedAt: event.data.submittedAt,
      };
    case 'DossierWithdrawn':
      return { ...dossier, status: 'withdrawn', closingReason: event.data.reason };
    case 'FormalReviewPassed':
      return { ...dossier, status: 'passed', correction: null, approvedInvestmentFen: event.data.approvedInvestmentFen };
    case 'DossierReturnedForCorrection':
      return {
        ...dossier,
        status: 'returned',
        correction: {
          reason: event.data.reason,
          deadlineDate: event.data.correctionDeadlineDate,
          deadline: event.data.correctionDeadline,
        },
      };
    case 'DossierRejected':
      return { ...dossier, status: 'rejected', closingReason: event.data.reason };
    case 'ExpertAssigned': {
      const { expertId, fieldMatch } = event.data;
      return {
        ...dossier,
        assignments: [...dossier.assignments, { expertId, fieldMatch, status: 'assigned', recusalReason: null }],
      };
    }
    case 'ExpertsDrawn': {
      const { seed, candidates, drawn, reserves, drawnAt } = event.data;
      return { ...dossier, draw: { seed, candidates, drawn, reserves, drawnAt } };
    }
    case 'ExpertRecused': {
      const { expertId, reason } = event.data;
      if ((event.data.stage ?? 1) > 1) return leaveSeat(dossier, event.data.stage!, expertId, reason);
      return {
        ...dossier,
        assignments: dossier.assignments.map((assignment) =>
          assignment.expertId === expertId ? { ...assignment, status: 'recused', recusalReason: reason } : assignment,
        ),
        scores: dossier.scores.filter((score) => score.expertId !== expertId),
      };
    }
    case 'ScoreSubmitted': {
      const { expertId, points, total, comment, submittedAt } = event.data;
      const add = (scores: readonly ExpertScore[]) => [...scores, { expertId, points, total, comment, submittedAt, amendedAt: null }];
      if ((event.data.stage ?? 1) > 1) return inStage(dossier, event.data.stage!, (review) => ({ ...review, scores: add(review.scores) }));
      return { ...dossier, scores: add(dossier.scores) };
    }
    case 'ScoreAmended': {
      const { expertId, points, total, comment, amendedAt } = event.data;
      const amend = (scores: readonly ExpertScore[]) =>
        scores.map((score) => (score.expertId === expertId ? { ...score, points, total, comment, amendedAt } : score));
      if ((event.data.stage ?? 1) > 1) return inStage(dossier, event.data.stage!, (review) => ({ ...review, scores: amend(review.scores) }));
      return { ...dossier, scores: amend(dossier.scores) };
    }
    case 'PanelSeated': {
      const { stage, panelName, expertIds, recused } = event.data;
      const review: StageReview = { stage, panelName, expertIds, recused, defence: null, attendance: null, scores: [] };
      return { ...dossier, laterStages: [...(dossier.laterStages ?? []), review] };
    }
    case 'DefenceScheduled':
      return inStage(dossier, event.data.stage, (review) => ({ ...review, defence: event.data.slot }));
    case 'DefenceAttendanceRecorded':
      return inStage(dossier, event.data.stage, (review) => ({ ...review, attendance: event.data.attended ? 'attended' : 'absent' }));
    case 'ScoreInvalidated': {
      // The place is freed the way a recusal frees it (the expert does not come back to this dossier).
      const { expertId, total, reason, invalidatedAt } = event.data;
      if ((event.data.stage ?? 1) > 1) {
        const left = leaveSeat(dossier, event.data.stage!, expertId, `评分无效:${reason}`);
        return { ...left, invalidatedScores: [...(dossier.invalidatedScores ?? []), { expertId, total, reason, invalidatedAt, stage: event.data.stage }] };
      }
      return {
        ...dossier,
        assignments: dossier.assignments.map((assignment) =>
          assignment.expertId === expertId ? { ...assignment, status: 'recused', recusalReason: `评分无效:${reason}` } : assignment,
        ),
        scores: dossier.scores.filter((score) => score.expertId !== expertId),
        invalidatedScores: [...(dossier.invalidatedScores ?? []), { expertId, total, reason, invalidatedAt }],
      };
    }
    case 'DossierMarkedNotEvaluable': {
      const { reason, validReviews, minimum, markedAt } = event.data;
      return { ...dossier, notEvaluable: { reason, validReviews, minimum, markedAt } };
    }
    case 'ObjectionFiled': {
      const { objectionId, objector, reason, filedAt } = event.data;
      const evidence = event.data.evidence ?? [];
      return {
        ...dossier,
        objections: [...dossier.objections, { objectionId, objector, reason, evidence, filedAt, status: 'open', finding: null }],
      };
    }
    case 'ObjectionUpheld':
    case 'ObjectionDismissed': {
      const status = event.type === 'ObjectionUpheld' ? 'upheld' : 'dismissed';
      return {
        ...dossier,
        objections: dossier.objections.map((objection) =>
          objection.objectionId === event.data.objectionId
            ? { ...objection, status, finding: event.data.finding }
            : objection,
        ),
      };
    }
    case 'DossierAwarded':
      return {
        ...dossier,
        status: 'awarded',
        award: { tier: event.data.tier, rank: event.data.rank, record: event.data.award },
      };
    case 'DossierNotAwarded':
      return { ...dossier, status: 'not-awarded', closingReason: event.data.reason };
  }
}

function inStage(dossier: Dossier, stage: number, change: (review: StageReview) => StageReview): Dossier {
  return { ...dossier, laterStages: (dossier.laterStages ?? []).map((review) => (review.stage === stage ? change(review) : review)) };
}

/** A panel member leaves the dossier's seat (回避, or his score declared invalid): his stage score stops counting. */
function leaveSeat(dossier: Dossier, stage: number, expertId: string, reason: string): Dossier {
  return inStage(dossier, stage, (review) => ({
    ...review,
    expertIds: review.expertIds.filter((id) => id !== expertId),
    recused: [...review.recused, { expertId, reason }],
    scores: review.scores.filter((score) => score.expertId !== expertId),
  }));
}

/** The dossier's review in a panel stage, or null when it has no seat there. */
export function stageReviewOf(dossier: Dossier, stage: number): StageReview | null {
  return dossier.laterStages?.find((review) => review.stage === stage) ?? null;
}

/** The scores that count in review stage `stage` (1: the online review). */
export function scoresInStage(dossier: Dossier, stage: number): readonly ExpertScore[] {
  return stage === 1 ? dossier.scores : (stageReviewOf(dossier, stage)?.scores ?? []);
}

/** The stage an expert scores this dossier in: the panel stage in progress when he sits on its panel, else the online review. */
export function scoringStageOf(dossier: Dossier, selectionStage: number, expertId: string): number {
  return selectionStage > 1 && (stageReviewOf(dossier, selectionStage)?.expertIds.includes(expertId) ?? false) ? selectionStage : 1;
}
