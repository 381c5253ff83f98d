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
  /**
   * Must be an upsert of state derived from the events (never a blind increment), so a replay is
   * harmless. `memory` (absent: keep nothing) lasts from batch to batch of one runner.
   */
  handle(events: readonly RecordedEvent[], manager: EntityManager, memory?: ProjectionMemory): Promise<void>;
}

/**
 * What a projection may keep between the batches of one runner, e.g. the folded states it last wrote,
 * so the next batch need not read them back. It holds only what committed: the runner empties it
 * when a batch fails, and whenever its rows may have changed under it (another process moved the
 * checkpoint, a reset, a restart).
 */
export type ProjectionMemory = Map<string, unknown>;

