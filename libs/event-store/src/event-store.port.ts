import { ExpectedState } from './expected-state';
import { GlobalPosition } from './global-position';
import { NewEvent, RecordedEvent } from './recorded-event';

export const EVENT_STORE = Symbol('EVENT_STORE');

export interface AppendOptions {
  /** Default `any`. */
  readonly expectedState?: ExpectedState;
}

export interface AppendResult {
  /** The revision of the stream's last event after the append. */
  readonly nextRevision: bigint;
  /** The global position of the append's last event. */
  readonly position: GlobalPosition;
  /** False when every event id was already in the stream: an idempotent retry wrote nothing. */
  readonly appended: boolean;
}

/** One stream's part of a multi-stream append. */
export interface StreamAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expectedState?: ExpectedState;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive. Default: the first event (forwards) or the last (backwards). */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
}

export interface ListStreamsOptions {
  /** Only streams whose id starts with this (the dossiers of one selection: `dossier-{selectionId}-`). */
  readonly prefix?: string;
}

export interface ReadAllOptions {
  /** Exclusive: events after this position. Default: from the beginning. */
  readonly after?: GlobalPosition | null;
  readonly maxCount?: number;
  /** Only streams of this category (`dossier` for `dossier-*`). */
  readonly category?: string;
}

export interface SubscribeOptions {
  /**
   * With an id, the store keeps the subscription's checkpoint and resumes from it. Without one, the
   * subscriber keeps its own (e.g. a projection, in the same transaction as its rows) and passes `after`.
   */
  readonly subscriptionId?: string;
  /** Start after this position; overrides a stored checkpoint. */
  readonly after?: GlobalPosition | null;
  readonly category?: string;
  /** At most this many events per handler call. Default 500. */
  readonly batchSize?: number;
  /** Called with each batch, in global order, one call at a time. A throw stops the subscription. */
  readonly handle: (events: readonly RecordedEvent[]) => Promise<void>;
  readonly onError?: (error: unknown) => void;
}

export interface Subscription {
  /** The position of the last event handled, or the start position. */
  readonly position: GlobalPosition | null;
  /** Resolves once the subscription has handled every event written before the call. */
  caughtUp(): Promise<void>;
  /** Resolves when the handler has passed `position` (read-your-writes). */
  waitFor(position: GlobalPosition, timeoutMs?: number): Promise<void>;
  /** Finishes the batch in hand, stores the checkpoint, and stops. */
  stop(): Promise<void>;
  /** Settles when the subscription ends: resolves on stop, rejects when the handler failed. */
  readonly done: Promise<void>;
}

/** The port every adapter implements; the contract suite runs the same specs against each. */
export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /**
   * Appends to several streams atomically: every stream's expectation holds and all events are
   * written, or nothing is. Results are in the order of `appends`.
   */
  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * Several whole streams at once (in batches, not one query per stream): each id maps to its events
   * in revision order; an id with no events is absent from the map.
   */
  readStreams(streamIds: readonly string[]): Promise<Map<string, RecordedEvent[]>>;
  /** The revision of the stream's last event, or null when the stream does not exist. */
  streamRevision(streamId: string): Promise<bigint | null>;
  /**
   * The ids of every stream of a category that has events, committed now (not held back by the
   * global-order horizon that readAll keeps): for queries that must see a write the moment it answers.
   */
  listStreams(category: string, options?: ListStreamsOptions): Promise<string[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The position of the last committed event (of a category), or null when there is none. */
  headPosition(options?: { category?: string }): Promise<GlobalPosition | null>;
  subscribe(options: SubscribeOptions): Subscription;
  /** Throws when the store cannot be reached (used by the health check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
