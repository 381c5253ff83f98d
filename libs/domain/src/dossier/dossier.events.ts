import type { ProgrammeCode } from '../programmes';
import type { Fen } from '../shared/money';

/** A file attached to a dossier; the bytes live in the document store, named by their SHA-256. */
export interface AttachmentRecord {
  readonly attachmentId: string;
  /** One of the programme's attachment kinds (申报书, 营业执照或法人证书, ...). */
  readonly kind: string;
  readonly name: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  /** Lower-case hex. */
  readonly sha256: string;
}

/** The content an applicant may change while the dossier is a draft or returned for correction. */
export interface DossierChanges {
  readonly title?: string;
  readonly projectCode?: string | null;
  readonly tier?: string;
  /** Fields set by this edit; an empty string clears a field. */
  readonly fields?: Readonly<Record<string, string>>;
  readonly declaredInvestmentFen?: Fen | null;
  readonly excludedExpertIds?: readonly string[];
}

/** A file an objector sent with the objection; the bytes are stored under their SHA-256. */
export interface EvidenceRecord {
  readonly name: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  /** Lower-case hex. */
  readonly sha256: string;
}

/** A defence (答辩) or site-visit slot: when, where (a place or a meeting link) and in what order. */
export interface DefenceSlot {
  readonly date: string;
  /** HH:MM, Beijing time. */
  readonly startTime: string;
  readonly place: string | null;
  readonly link: string | null;
  /** 1-based place in the day's order of defences. */
  readonly order: number;
}

export interface Objector {
  readonly name: string;
  readonly contact: string;
  readonly organisation: string | null;
}

/** How the award of one dossier came out; money decisions follow the 就高原则 of annex 5. */
export type DossierAwardRecord =
  | { readonly kind: 'policy' }
  | {
      readonly kind: 'money';
      readonly approvedInvestmentFen: Fen;
      /** The programme's formula the standard was computed with (absent in events recorded before it was kept). */
      readonly rateBasisPoints?: number;
      readonly capFen?: Fen;
      /** The programme's amount: rate × 核定投资额, capped. */
      readonly standardFen: Fen;
      /** What is paid after earlier awards of the same year to the same project. */
      readonly paidFen: Fen;
      readonly decision: 'paid' | 'top-up' | 'not-paid';
      /** Why this amount, in Chinese (不重复享受 / 就高原则 with the earlier selection); English in older events. */
      readonly reason: string;
    };

/** Facts of a dossier-{id} stream, from first draft to award. */
export type DossierEvent =
  | {
      type: 'DossierDrafted';
      data: {
        dossierId: string;
        selectionId: string;
        programme: ProgrammeCode;
        applicantCreditCode: string;
        title: string;
        projectCode: string | null;
        tier: string;
        fields: Record<string, string>;
        declaredInvestmentFen: Fen | null;
        excludedExpertIds: string[];
        draftedAt: string;
      };
    }
  | { type: 'DossierEdited'; data: { dossierId: string; changes: DossierChanges; editedAt: string } }
  | { type: 'AttachmentAdded'; data: { dossierId: string; attachment: AttachmentRecord; addedAt: string } }
  | { type: 'AttachmentRemoved'; data: { dossierId: string; attachmentId: string; removedAt: string } }
  | {
      type: 'DossierSubmitted';
      data: { dossierId: string; selectionId: string; submittedAt: string; resubmission: boolean };
    }
  | { type: 'DossierWithdrawn'; data: { dossierId: string; reason: string; withdrawnAt: string } }
  | {
      type: 'FormalReviewPassed';
      data: {
        dossierId: string;
        /** 核定投资额 for money programmes, never above the declared investment; null for policy ones. */
        approvedInvestmentFen: Fen | null;
        note: string | null;
        reviewedBy: string;
        passedAt: string;
      };
    }
  | {
      type: 'DossierReturnedForCorrection';
      data: {
        dossierId: string;
        reason: string;
        correctionDeadlineDate: string;
        /** Last instant of the correction deadline date, Asia/Shanghai. */
        correctionDeadline: string;
        reviewedBy: string;
        returnedAt: string;
      };
    }
  | { type: 'DossierRejected'; data: { dossierId: string; reason: string; reviewedBy: string; rejectedAt: string } }
  | {
      type: 'ExpertAssigned';
      /** `drawReserve`: a reserve of the dossier's draw, at this place (0 first) of its record. */
      data: { dossierId: string; expertId: string; fieldMatch: boolean; drawReserve?: number; assignedAt: string };
    }
  | {
      /** 专家抽取: the record anyone replays (replayDraw) — seed, candidates in order, drawn, reserves. */
      type: 'ExpertsDrawn';
      data: { dossierId: string; seed: string; candidates: string[]; drawn: string[]; reserves: string[]; drawnAt: string };
    }
  | {
      type: 'ExpertRecused';
      data: {
        dossierId: string;
        expertId: string;
        reason: string;
        /** A score given before the conflict came to light no longer counts. */
        scoreDiscarded: boolean;
        /** A panel stage's seat (2, 3 …); absent: the online review's assignment. */
        stage?: number;
        recusedAt: string;
      };
    }
  | {
      type: 'ScoreSubmitted';
      data: {
        dossierId: string;
        expertId: string;
        /** The review stage scored; absent in stage 1 (and in every event recorded before stages). */
        stage?: number;
        points: Record<string, number>;
        total: number;
        comment: string;
        submittedAt: string;
      };
    }
  | {
      type: 'ScoreAmended';
      data: {
        dossierId: string;
        expertId: string;
        stage?: number;
        points: Record<string, number>;
        total: number;
        comment: string;
        amendedAt: string;
      };
    }
  | {
      /** The admin declares a score invalid (comment missing, contradictory …): it stops counting and its place is free for a replacement. */
      type: 'ScoreInvalidated';
      data: { dossierId: string; expertId: string; total: number; reason: string; invalidatedAt: string; stage?: number };
    }
  | {
      /** The admin takes the dossier out of the ranking: it cannot get the valid reviews the call requires. */
      type: 'DossierMarkedNotEvaluable';
      data: { dossierId: string; validReviews: number; minimum: number; reason: string; markedAt: string };
    }
  | {
      /** The stage's panel as it sits for this dossier: members who score it and members recused from it. */
      type: 'PanelSeated';
      data: {
        dossierId: string;
        stage: number;
        panelName: string;
        expertIds: string[];
        recused: { expertId: string; reason: string }[];
        seatedAt: string;
      };
    }
  | { type: 'DefenceScheduled'; data: { dossierId: string; stage: number; slot: DefenceSlot; scheduledAt: string } }
  | {
      type: 'DefenceAttendanceRecorded';
      data: { dossierId: string; stage: number; attended: boolean; note: string | null; recordedAt: string };
    }
  | {
      type: 'ObjectionFiled';
      /** `evidence` only when files came with it (objections filed before evidence existed have none). */
      data: { dossierId: string; objectionId: string; objector: Objector; reason: string; evidence?: readonly EvidenceRecord[]; filedAt: string };
    }
  | {
      type: 'ObjectionUpheld';
      data: { dossierId: string; objectionId: string; finding: string; decidedBy: string; decidedAt: string };
    }
  | {
      type: 'ObjectionDismissed';
      data: { dossierId: string; objectionId: string; finding: string; decidedBy: string; decidedAt: string };
    }
  | {
      type: 'DossierAwarded';
      data: {
        dossierId: string;
        selectionId: string;
        tier: string;
        rank: number;
        award: DossierAwardRecord;
        awardedAt: string;
      };
    }
  | { type: 'DossierNotAwarded'; data: { dossierId: string; selectionId: string; reason: string; decidedAt: string } };

export type DossierEventType = DossierEvent['type'];
