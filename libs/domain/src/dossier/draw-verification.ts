import { replayDraw } from '../assignment/draw-experts';
import type { DossierEvent } from './dossier.events';

/** What replaying a dossier's recorded draw from its events shows. */
export interface DrawVerification {
  readonly dossierId: string;
  readonly seed: string;
  readonly candidates: readonly string[];
  readonly drawn: readonly string[];
  readonly reserves: readonly string[];
  readonly drawnAt: string;
  /** The experts and reserves the seed and candidates give again. */
  readonly replayed: { readonly drawn: readonly string[]; readonly reserves: readonly string[] };
  /** The replay gives exactly the recorded drawn experts and reserves. */
  readonly reproduces: boolean;
  /** Reserves called since, in order, with their place in the record. */
  readonly reservesCalled: readonly { readonly expertId: string; readonly reserveIndex: number }[];
  /** Every drawn expert was assigned, and every reserve assignment names the reserve at its place. */
  readonly assignmentsFollowRecord: boolean;
}

/**
 * Replays the draw recorded on a dossier stream (ExpertsDrawn) from the events alone, and checks
 * that the assignments after it are the drawn experts and the reserves at their recorded places.
 * Null when the dossier's experts were not drawn.
 */
export function verifyRecordedDraw(events: readonly { readonly type: string; readonly data: unknown }[]): DrawVerification | null {
  const stored = events as readonly DossierEvent[];
  const drawnEvent = stored.find((event): event is Extract<DossierEvent, { type: 'ExpertsDrawn' }> => event.type === 'ExpertsDrawn');
  if (!drawnEvent) return null;
  const record = drawnEvent.data;
  const replayed = replayDraw(record);
  const assigned = stored.filter((event): event is Extract<DossierEvent, { type: 'ExpertAssigned' }> => event.type === 'ExpertAssigned').map((event) => event.data);
  const reservesCalled = assigned.filter((pair) => typeof pair.drawReserve === 'number').map((pair) => ({ expertId: pair.expertId, reserveIndex: pair.drawReserve! }));
  const assignedIds = new Set(assigned.map((pair) => pair.expertId));
  const followsRecord =
    record.drawn.every((id) => assignedIds.has(id)) &&
    reservesCalled.every((call) => record.reserves[call.reserveIndex] === call.expertId) &&
    assigned.every((pair) => pair.drawReserve !== undefined || record.drawn.includes(pair.expertId) || !record.reserves.includes(pair.expertId));
  return {
    dossierId: record.dossierId,
    seed: record.seed,
    candidates: record.candidates,
    drawn: record.drawn,
    reserves: record.reserves,
    drawnAt: record.drawnAt,
    replayed: { drawn: replayed.drawn, reserves: replayed.reserves },
    reproduces: replayed.matches,
    reservesCalled,
    assignmentsFollowRecord: followsRecord,
  };
}
