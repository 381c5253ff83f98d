import type { PlanRoundSummary, SelectionEvent } from './selection.events';

/**
 * The plan fields of ExpertReviewStarted and ReplacementAssignmentsPlanned as recorded before the
 * pairs moved off the selection stream: every pair, every unfilled dossier, every expert's load.
 * Stored events are never rewritten; they are read through upcastSelectionEvent.
 */
interface LegacyPlanFields {
  readonly assignments: readonly { readonly dossierId: string; readonly expertId: string }[];
  readonly unfilled: readonly { readonly dossierId: string; readonly missing: number }[];
}

/** A selection event as it may be stored: today's shape or an earlier one. */
export type StoredSelectionEvent = SelectionEvent | { readonly type: SelectionEvent['type']; readonly data: unknown };

/** Today's shape of a stored selection event; an older plan round keeps only its counts and ids. */
export function upcastSelectionEvent(event: StoredSelectionEvent): SelectionEvent {
  if (event.type !== 'ExpertReviewStarted' && event.type !== 'ReplacementAssignmentsPlanned') return event as SelectionEvent;
  const data = event.data as Record<string, unknown>;
  if (!Array.isArray(data.assignments)) return event as SelectionEvent;
  const { assignments, unfilled, loads: _loads, ...rest } = data as unknown as LegacyPlanFields & { loads?: unknown };
  return { type: event.type, data: { ...rest, ...planRoundSummaryOf(assignments, unfilled ?? []) } } as SelectionEvent;
}

/** Counts and ids of a round's new pairs and unfilled places (what the selection stream keeps). */
export function planRoundSummaryOf(
  assignments: readonly { readonly expertId: string }[],
  unfilled: readonly { readonly dossierId: string; readonly missing: number }[],
): PlanRoundSummary {
  const perExpert = new Map<string, number>();
  for (const { expertId } of assignments) perExpert.set(expertId, (perExpert.get(expertId) ?? 0) + 1);
  return {
    assignedCount: assignments.length,
    assignedPerExpert: Object.fromEntries([...perExpert].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    unfilledPlaces: unfilled.reduce((sum, slot) => sum + slot.missing, 0),
    unfilledDossierIds: unfilled.map((slot) => slot.dossierId),
  };
}
