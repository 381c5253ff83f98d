import { randomUUID } from 'node:crypto';
import { ConcurrencyError, TransactionAbortedError } from '@app/event-store';
import type { AppendResult, EventStore, GlobalPosition, NewEvent, RecordedEvent, Snapshot, SnapshotStore } from '@app/event-store';
import type { Decider } from '@app/domain/shared/decider';
import type { CommandMetadata } from '@app/domain/shared/command-metadata';
import { StaleRevisionError } from './stale-revision.error';

/** What every command carries besides its data: the clock and actor, the request's id, If-Match. */
export interface CommandContext {
  readonly metadata: CommandMetadata;
  readonly correlationId: string;
  /** The revision the client last saw of the command's main stream; a mismatch is 412, never retried. */
  readonly ifMatch?: bigint;
}

interface DomainEvent {
  readonly type: string;
  readonly data: unknown;
}

/** What a unit keeps of a stream it read: the fold and its revision, not the events (a plan reads thousands of streams). */
interface LoadedStream<State> {
  readonly state: State;
  /** Null when the stream does not exist yet. */
  readonly revision: bigint | null;
}

interface PendingAppend {
  readonly streamId: string;
  readonly expectedRevision: bigint | null;
  readonly events: DomainEvent[];
}

export interface UnitOfWorkResult<T> {
  readonly value: T;
  /** The new revision of each stream written, by stream id. */
  readonly revisions: ReadonlyMap<string, bigint>;
  /** The global position of the last event written, or null when nothing was written. */
  readonly position: GlobalPosition | null;
}

/**
 * One command's reads and decisions, written at the end in a single atomic append. The stream named
 * by `ifMatchStream` is checked against the client's If-Match; the rest against what was read.
 */
export class UnitOfWork {
  private readonly loaded = new Map<string, LoadedStream<unknown>>();
  private readonly pending = new Map<string, PendingAppend>();

  constructor(
    private readonly store: EventStore,
    private readonly context: CommandContext,
    private readonly ifMatchStream: string | undefined,
    private readonly snapshots?: SnapshotStore,
  ) {}

  /**
   * The stream's state under `decider`, including what this unit has already decided for it. When the
   * decider names a snapshot fold (and there is a snapshot store), the fold starts from the stored
   * snapshot of that fold version and reads only the events after it; a tail is folded and stored as
   * the new snapshot.
   */
  async load<Command, Event extends DomainEvent, State>(
    streamId: string,
    decider: Decider<Command, Event, State>,
  ): Promise<LoadedStream<State>> {
    const cached = this.loaded.get(streamId) as LoadedStream<State> | undefined;
    if (cached) return cached;
    if (!decider.snapshot || !this.snapshots) return this.fold(streamId, decider, await this.store.readStream(streamId));
    const key = { streamId, ...decider.snapshot };
    const snapshot = await this.snapshots.load<State>(key);
    const tail = await this.store.readStream(streamId, snapshot ? { fromRevision: snapshot.revision + 1n } : {});
    const stream = this.fold(streamId, decider, tail, snapshot ?? undefined);
    if (tail.length > 0 && stream.revision !== null) await this.snapshots.save(key, { revision: stream.revision, state: stream.state });
    return stream;
  }

  /**
   * Several streams under one decider, read together (readStreams: one query per batch of ids, not
   * one per stream); each is then checked and appended to like a stream read by load.
   */
  async loadMany<Command, Event extends DomainEvent, State>(
    streamIds: readonly string[],
    decider: Decider<Command, Event, State>,
  ): Promise<Map<string, LoadedStream<State>>> {
    const missing = [...new Set(streamIds)].filter((streamId) => !this.loaded.has(streamId));
    if (missing.length > 0) {
      const read = await this.store.readStreams(missing);
      for (const streamId of missing) this.fold(streamId, decider, read.get(streamId) ?? []);
    }
    return new Map(streamIds.map((streamId) => [streamId, this.loaded.get(streamId) as LoadedStream<State>]));
  }

  /** Folds the events onto the snapshot (or the initial state); `events` are then only the tail. */
  private fold<Command, Event extends DomainEvent, State>(
    streamId: string,
    decider: Decider<Command, Event, State>,
    events: readonly RecordedEvent[],
    from?: Snapshot<State>,
  ): LoadedStream<State> {
    const state = events.reduce((current, event) => decider.evolve(current, { type: event.type, data: event.data } as Event), from?.state ?? decider.initialState());
    const revision = events.length === 0 ? (from?.revision ?? null) : events[events.length - 1].revision;
    if (streamId === this.ifMatchStream) requireIfMatch(this.context, streamId, revision);
    const stream = { state, revision };
    this.loaded.set(streamId, stream);
    return stream;
  }

  /** Decides `command` on the stream and keeps the events for the final append. */
  async decide<Command, Event extends DomainEvent, State>(
    streamId: string,
    decider: Decider<Command, Event, State>,
    command: Command,
  ): Promise<{ events: Event[]; state: State }> {
    const { events, state } = await this.decideWith(streamId, decider, (current) => ({ events: decider.decide(command, current), value: undefined }));
    return { events, state };
  }

  /**
   * Like decide, for a decision that yields more than its events: e.g. a plan, whose pairs the
   * caller decides on other streams while this stream's events keep only its counts.
   */
  async decideWith<Command, Event extends DomainEvent, State, Value>(
    streamId: string,
    decider: Decider<Command, Event, State>,
    decision: (state: State) => { readonly events: Event[]; readonly value: Value },
  ): Promise<{ events: Event[]; state: State; value: Value }> {
    const stream = await this.load(streamId, decider);
    const { events, value } = decision(stream.state);
    const state = events.reduce(decider.evolve, stream.state);
    this.loaded.set(streamId, { ...stream, state });
    if (events.length > 0) {
      const pending = this.pending.get(streamId) ?? { streamId, expectedRevision: stream.revision, events: [] };
      pending.events.push(...events);
      this.pending.set(streamId, pending);
    }
    return { events, state, value };
  }

  async commit(commandType: string): Promise<{ revisions: Map<string, bigint>; position: GlobalPosition | null }> {
    const appends = [...this.pending.values()];
    const revisions = new Map<string, bigint>();
    if (appends.length === 0) {
      for (const [streamId, stream] of this.loaded) if (stream.revision !== null) revisions.set(streamId, stream.revision);
      return { revisions, position: null };
    }
    const causationId = randomUUID();
    const metadata = {
      actor: { id: this.context.metadata.actor.id, role: this.context.metadata.actor.role },
      correlationId: this.context.correlationId,
      causationId,
      occurredAt: this.context.metadata.now,
      command: commandType,
    };
    const toNew = (event: DomainEvent): NewEvent => ({ type: event.type, data: event.data, metadata });
    const results: AppendResult[] = await this.store.appendMany(
      appends.map((append) => ({
        streamId: append.streamId,
        events: append.events.map(toNew),
        expectedState: append.expectedRevision ?? 'no-stream',
      })),
    );
    appends.forEach((append, index) => revisions.set(append.streamId, results[index].nextRevision));
    return { revisions, position: results[results.length - 1].position };
  }
}

/**
 * The client's If-Match against the revision read: 412 on a mismatch. The unit checks it as it loads
 * the `stream` of RunOptions; a command that must first refuse a caller who may not see the stream at
 * all (404, its existence confidential) leaves `stream` out and calls this after that check.
 */
export function requireIfMatch(context: CommandContext, streamId: string, revision: bigint | null): void {
  if (context.ifMatch !== undefined && context.ifMatch !== revision) {
    throw new StaleRevisionError(streamId, context.ifMatch, revision === null ? null : revision.toString());
  }
}

export interface RunOptions {
  /** Where snapshots are kept; without it every load reads its whole stream. */
  readonly snapshots?: SnapshotStore;
  /** The command's main stream, checked against If-Match. */
  readonly stream?: string;
  /** Attempts when another writer got in first and the client sent no If-Match. Default 3. */
  readonly maxAttempts?: number;
}

/**
 * Runs a command: read, fold, decide, append with the revisions read. Without If-Match a concurrent
 * change is retried from a fresh read (the rules are checked again); with If-Match it is a 412.
 */
export async function runCommand<T>(
  store: EventStore,
  commandType: string,
  context: CommandContext,
  work: (unit: UnitOfWork) => Promise<T>,
  options: RunOptions = {},
): Promise<UnitOfWorkResult<T>> {
  const maxAttempts = options.maxAttempts ?? 3;
  for (let attempt = 1; ; attempt += 1) {
    const unit = new UnitOfWork(store, context, options.stream, options.snapshots);
    const value = await work(unit);
    try {
      const { revisions, position } = await unit.commit(commandType);
      return { value, revisions, position };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      // A deadlock or serialization failure says nothing of the revision the client saw: run again.
      if (context.ifMatch !== undefined && options.stream !== undefined && !(error instanceof TransactionAbortedError)) {
        const current = await store.streamRevision(options.stream);
        throw new StaleRevisionError(options.stream, context.ifMatch, current === null ? null : current.toString());
      }
      if (attempt >= maxAttempts) throw error;
    }
  }
}
