/** The injection token of the SnapshotStore. */
export const SNAPSHOT_STORE = Symbol('SNAPSHOT_STORE');

/** Which fold of which stream: a state folded by another version of the fold is not this snapshot. */
export interface SnapshotKey {
  readonly streamId: string;
  /** The fold's name, e.g. "selection". */
  readonly fold: string;
  /** Bumped when the fold gives another state for the same events: older snapshots are rebuilt. */
  readonly version: number;
}

export interface Snapshot<State> {
  /** The stream revision the state was folded to (its last event). */
  readonly revision: bigint;
  /** Plain JSON, as the fold gives it. */
  readonly state: State;
}

/**
 * Folded states kept beside their streams. A load reads the snapshot, then the stream from the revision
 * after it. A snapshot is only a cache: losing one costs a longer read, never a wrong state.
 */
export interface SnapshotStore {
  load<State>(key: SnapshotKey): Promise<Snapshot<State> | null>;
  /** Keeps the state unless a later revision of the same fold version is already kept. */
  save<State>(key: SnapshotKey, snapshot: Snapshot<State>): Promise<void>;
}
