import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@app/event-store';

/**
 * A read model built from the event history. `handle` gets the batch's events (only those after the
 * projection's checkpoint, of its categories) and writes with `manager`, inside the transaction that
 * also moves its checkpoint: rows and checkpoint commit together or not at all.
 */
export interface Projection {
  readonly name: string;
  /** Bump it when the rows' shape or meaning changes: the runner then rebuilds from zero. */
  readonly version: number;
  /** Stream categories it reads (`dossier` for `dossier-*`); every event when absent. */
  readonly categories?: readonly string[];
  /** The tables it owns, emptied on a rebuild. */
  readonly tables: readonly string[];
  /** Must be an upsert of state derived from the events (never a blind increment), so a replay is harmless. */
  handle(events: readonly RecordedEvent[], manager: EntityManager): Promise<void>;
}
