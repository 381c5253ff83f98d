import { CONFLICT_LABELS, ConflictCode, findConflict } from '../conflicts/conflict-of-interest';
import { AssignmentBoard, hasRoom } from './assignment-board';

const LISTED = 10;

/**
 * Why a dossier is short of experts, in words an administrator can act on, e.g.
 * "dossier D-7 needs 5 experts, only 3 eligible: 2 excluded for conflicts (same organisation: E-1;
 * excluded by applicant: E-4)".
 */
export function unfilledReason(board: AssignmentBoard, dossierId: string): string {
  const dossier = board.dossiers.find((d) => d.dossierId === dossierId);
  const members = board.members.get(dossierId) ?? new Set<string>();
  const conflicts = new Map<ConflictCode, string[]>();
  const inactive: string[] = [];
  const full: string[] = [];
  for (const expert of board.experts) {
    const conflict = dossier ? findConflict(expert, dossier) : null;
    if (conflict) conflicts.set(conflict.code, [...(conflicts.get(conflict.code) ?? []), expert.expertId]);
    else if (!expert.active) inactive.push(expert.expertId);
    else if (!members.has(expert.expertId) && !hasRoom(board, expert.expertId)) full.push(expert.expertId);
  }

  const conflicted = [...conflicts.values()].reduce((sum, ids) => sum + ids.length, 0);
  const eligible = board.experts.length - conflicted - inactive.length;
  const parts: string[] = [];
  if (full.length > 0) {
    parts.push(`${full.length} already at the limit of ${board.maxPerExpert} dossiers (${listed(full)})`);
  }
  if (conflicted > 0) {
    const byCode = (Object.keys(CONFLICT_LABELS) as ConflictCode[])
      .filter((code) => conflicts.has(code))
      .map((code) => `${CONFLICT_LABELS[code]}: ${listed(conflicts.get(code) ?? [])}`);
    parts.push(`${conflicted} excluded for conflicts (${byCode.join('; ')})`);
  }
  if (inactive.length > 0) parts.push(`${inactive.length} inactive (${listed(inactive)})`);

  const need = `dossier ${dossierId} needs ${board.expertsPerDossier} experts`;
  const head =
    eligible < board.expertsPerDossier
      ? `${need}, only ${eligible} eligible`
      : `${need}, ${members.size} assigned of ${eligible} eligible`;
  return parts.length > 0 ? `${head}: ${parts.join('; ')}` : `${head}; the pool has ${board.experts.length} experts`;
}

function listed(ids: readonly string[]): string {
  const shown = ids.slice(0, LISTED).join(', ');
  return ids.length > LISTED ? `${shown} and ${ids.length - LISTED} more` : shown;
}
