import { replayDraw } from '@app/domain/assignment';
import type { Dossier } from '@app/domain/dossier';

/** One dossier's 专家抽取 record as the desk and the dossier page show it. */
export interface DrawRecordRow {
  readonly title: string;
  readonly href: string;
  readonly seed: string;
  readonly drawnAt: string;
  readonly candidates: number;
  readonly drawn: string;
  /** 备选专家 in their order, each with whether he was called (递补) and why not, if he could not be. */
  readonly reserves: readonly { readonly place: number; readonly name: string; readonly called: boolean }[];
  /** Replaying the record from its seed and candidates gives the same experts. */
  readonly reproduces: boolean;
}

/** The drawn dossiers' records (dossiers planned without a draw are left out). */
export function drawRecordRows(dossiers: readonly Dossier[], nameOf: (expertId: string) => string, hrefOf: (dossierId: string) => string): DrawRecordRow[] {
  return dossiers.flatMap((dossier) => {
    const draw = dossier.draw;
    if (!draw) return [];
    const onDossier = new Set(dossier.assignments.map((assignment) => assignment.expertId));
    return [
      {
        title: dossier.title,
        href: hrefOf(dossier.dossierId),
        seed: draw.seed,
        drawnAt: draw.drawnAt,
        candidates: draw.candidates.length,
        drawn: draw.drawn.map(nameOf).join('、'),
        reserves: draw.reserves.map((expertId, index) => ({ place: index + 1, name: nameOf(expertId), called: onDossier.has(expertId) })),
        reproduces: replayDraw(draw).matches,
      },
    ];
  });
}
