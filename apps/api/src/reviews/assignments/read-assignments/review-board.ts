import type { Dossier } from '@app/domain/dossier';
import type { RegisteredExpert } from '@app/domain/expert';

export interface BoardExpert {
  readonly expertId: string;
  readonly name: string;
  readonly status: 'assigned' | 'recused';
  readonly fieldMatch: boolean;
  readonly recusalReason: string | null;
  readonly scored: boolean;
}

export interface BoardDossier {
  readonly dossierId: string;
  readonly title: string;
  readonly tier: string;
  readonly assigned: number;
  readonly scored: number;
  readonly experts: BoardExpert[];
}

export interface BoardLoad {
  readonly expertId: string;
  readonly name: string;
  readonly assigned: number;
  readonly scored: number;
}

export interface ReviewBoard {
  readonly dossiers: BoardDossier[];
  readonly experts: BoardLoad[];
  readonly missingScores: { dossierId: string; expertId: string }[];
}

/** Who reviews what and how far each has got, from the dossier streams of one selection. */
export function reviewBoardOf(dossiers: readonly Dossier[], experts: readonly RegisteredExpert[]): ReviewBoard {
  const nameOf = (expertId: string) => experts.find((expert) => expert.expertId === expertId)?.name ?? expertId;
  const inReview = dossiers.filter((dossier) => dossier.assignments.length > 0);
  const boardDossiers = inReview.map((dossier): BoardDossier => {
    const boardExperts = dossier.assignments.map((assignment) => ({
      expertId: assignment.expertId,
      name: nameOf(assignment.expertId),
      status: assignment.status,
      fieldMatch: assignment.fieldMatch,
      recusalReason: assignment.recusalReason,
      scored: dossier.scores.some((score) => score.expertId === assignment.expertId),
    }));
    const active = boardExperts.filter((expert) => expert.status === 'assigned');
    return {
      dossierId: dossier.dossierId,
      title: dossier.title,
      tier: dossier.tier,
      assigned: active.length,
      scored: active.filter((expert) => expert.scored).length,
      experts: boardExperts,
    };
  });
  const loads = new Map<string, { assigned: number; scored: number }>();
  const missingScores: { dossierId: string; expertId: string }[] = [];
  for (const dossier of boardDossiers) {
    for (const expert of dossier.experts.filter((candidate) => candidate.status === 'assigned')) {
      const load = loads.get(expert.expertId) ?? { assigned: 0, scored: 0 };
      loads.set(expert.expertId, { assigned: load.assigned + 1, scored: load.scored + (expert.scored ? 1 : 0) });
      if (!expert.scored) missingScores.push({ dossierId: dossier.dossierId, expertId: expert.expertId });
    }
  }
  return {
    dossiers: boardDossiers,
    experts: [...loads.entries()]
      .map(([expertId, load]) => ({ expertId, name: nameOf(expertId), ...load }))
      .sort((a, b) => a.expertId.localeCompare(b.expertId)),
    missingScores,
  };
}

export interface LateExpert {
  readonly expertId: string;
  readonly name: string;
  /** Dossiers still without this expert's score. */
  readonly missing: number;
}

/**
 * The experts with scores still missing once the review deadline has passed (Beijing time); nobody is
 * late before it, or when review has no deadline.
 */
export function lateExpertsOf(board: ReviewBoard, reviewDeadlineDate: string | null, today: string): LateExpert[] {
  if (reviewDeadlineDate === null || today <= reviewDeadlineDate) return [];
  return board.experts
    .filter((load) => load.scored < load.assigned)
    .map((load) => ({ expertId: load.expertId, name: load.name, missing: load.assigned - load.scored }));
}
