import { randomUUID } from 'node:crypto';
import {
  ANY,
  AppendStreamState,
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
} from '@kurrent/kurrentdb-client';
import { ConcurrencyError, IdempotencyConflictError } from '../errors';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  ListStreamsOptions,
  ReadAllOptions,
  ReadStreamOptions,
  StreamAppend,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { ExpectedState } from '../expected-state';
import { GlobalPosition, comparePositions } from '../global-position';
import { EventMetadata, NewEvent, RecordedEvent } from '../recorded-event';
import { CheckpointStore } from '../subscription/checkpoint-store';
import { SubscriptionHub } from '../subscription/subscription-hub';

const DEFAULT_READ_LIMIT = 1000;

interface KurrentRecorded {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  data: unknown;
  metadata: unknown;
  position?: { commit: bigint; prepare: bigint };
}

/**
 * The event store on KurrentDB (EventStoreDB's successor), selected with EVENT_STORE=kurrentdb.
 * KurrentDB gives per-stream optimistic concurrency, idempotent appends by event id and a global
 * log ordered by (commit, prepare) itself; subscriptions reuse the same catch-up loop as PostgreSQL.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly checkpoints: CheckpointStore;
  private readonly hub: SubscriptionHub;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly options: { pollIntervalMs?: number } = {},
  ) {
    this.checkpoints = new KurrentDbCheckpointStore(this);
    this.hub = new SubscriptionHub(this, this.checkpoints, this.options.pollIntervalMs ?? 250);
  }

  static fromConnectionString(url: string): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(url));
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const expected = options.expectedState ?? 'any';
    const payload = toEventData(streamId, events);
    const existing = await this.alreadyAppended(streamId, payload.map((event) => event.id));
    if (existing) return existing;
    try {
      const result = await this.client.appendToStream(streamId, payload, { streamState: toStreamState(expected) });
      this.hub.appended();
      return {
        nextRevision: result.nextExpectedRevision,
        position: result.position ?? (await this.positionOfRevision(streamId, result.nextExpectedRevision)),
        appended: true,
      };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualState;
        throw new ConcurrencyError(streamId, expected, typeof actual === 'bigint' ? actual : 'no-stream');
      }
      throw error;
    }
  }

  /** KurrentDB 25.1+ writes several streams in one transaction (multiStreamAppend). */
  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length === 0) return [];
    const requests = appends.map((append) => ({
      streamName: append.streamId,
      events: toEventData(append.streamId, append.events),
      expectedState: toStreamState(append.expectedState ?? 'any'),
    }));
    try {
      const result = await this.client.multiStreamAppend(requests);
      this.hub.appended();
      return Promise.all(
        result.responses.map(async (response) => ({
          nextRevision: response.revision,
          position: await this.positionOfRevision(response.streamName, response.revision),
          appended: true,
        })),
      );
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const failed = appends.find((append) => append.streamId === error.streamName) ?? appends[0];
        const actual = error.actualState;
        throw new ConcurrencyError(failed.streamId, failed.expectedState ?? 'any', typeof actual === 'bigint' ? actual : 'no-stream');
      }
      throw error;
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision ?? (backwards ? END : START),
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      })) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event as KurrentRecorded));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async streamRevision(streamId: string): Promise<bigint | null> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return last ? last.revision : null;
  }

  /** KurrentDB's $all is final once written, so reading the category there is already current. */
  /** KurrentDB reads one stream per call: the reads go out 16 at a time. */
  async readStreams(streamIds: readonly string[]): Promise<Map<string, RecordedEvent[]>> {
    const unique = [...new Set(streamIds)];
    const streams = new Map<string, RecordedEvent[]>();
    for (let start = 0; start < unique.length; start += 16) {
      const batch = unique.slice(start, start + 16);
      const read = await Promise.all(batch.map((streamId) => this.readStream(streamId)));
      batch.forEach((streamId, index) => {
        if (read[index].length > 0) streams.set(streamId, read[index]);
      });
    }
    return streams;
  }

  async listStreams(category: string, options: ListStreamsOptions = {}): Promise<string[]> {
    const prefix = options.prefix ?? '';
    const streams = new Set<string>();
    let after: GlobalPosition | null = null;
    for (;;) {
      const page = await this.readAll({ category, after, maxCount: 1000 });
      if (page.length === 0) break;
      page.forEach((event) => {
        if (event.streamId.startsWith(prefix)) streams.add(event.streamId);
      });
      after = page[page.length - 1].position;
    }
    return [...streams].sort();
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? DEFAULT_READ_LIMIT;
    const after = options.after ?? null;
    const events: RecordedEvent[] = [];
    // KurrentDB reads $all from a position inclusively: read one more and drop the one we stand on.
    for await (const resolved of this.client.readAll({
      direction: FORWARDS,
      fromPosition: after ?? START,
      maxCount: limit + 1,
      filter: options.category ? streamNameFilter({ prefixes: [`${options.category}-`] }) : excludeSystemEvents(),
    })) {
      if (!resolved.event) continue;
      const event = toRecordedEvent(resolved.event as KurrentRecorded);
      if (after && comparePositions(event.position, after) <= 0) continue;
      events.push(event);
      if (events.length === limit) break;
    }
    return events;
  }

  async headPosition(options: { category?: string } = {}): Promise<GlobalPosition | null> {
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
      filter: options.category ? streamNameFilter({ prefixes: [`${options.category}-`] }) : excludeSystemEvents(),
    })) {
      if (resolved.event?.position) return resolved.event.position;
    }
    return null;
  }

  subscribe(options: SubscribeOptions): Subscription {
    return this.hub.subscribe(options);
  }

  async ping(): Promise<void> {
    await this.headPosition();
  }

  async close(): Promise<void> {
    await this.hub.stopAll();
    await this.client.dispose();
  }

  /**
   * KurrentDB makes an exact retry idempotent only at the same expected revision; we make it so for any
   * expected state by looking for the ids first, as the PostgreSQL adapter does in its append function.
   */
  private async alreadyAppended(streamId: string, ids: string[]): Promise<AppendResult | null> {
    const wanted = new Set(ids);
    const found = (await this.readStream(streamId)).filter((event) => wanted.has(event.eventId));
    if (found.length === 0) return null;
    if (found.length < ids.length) throw new IdempotencyConflictError(streamId, ids);
    const revision = (await this.streamRevision(streamId)) as bigint;
    return { nextRevision: revision, position: found[found.length - 1].position, appended: false };
  }

  private async positionOfRevision(streamId: string, revision: bigint): Promise<GlobalPosition> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    return event.position;
  }
}

/** Checkpoints as events in a stream per subscription; the last one is the checkpoint. */
class KurrentDbCheckpointStore implements CheckpointStore {
  constructor(private readonly store: KurrentDbEventStore) {}

  async load(subscriptionId: string): Promise<GlobalPosition | null> {
    const [last] = await this.store.readStream(checkpointStream(subscriptionId), { direction: 'backwards', maxCount: 1 });
    if (!last) return null;
    const data = last.data as { commit: string; prepare: string };
    return { commit: BigInt(data.commit), prepare: BigInt(data.prepare) };
  }

  async save(subscriptionId: string, position: GlobalPosition): Promise<void> {
    await this.store.append(checkpointStream(subscriptionId), [
      { type: 'CheckpointStored', data: { commit: position.commit.toString(), prepare: position.prepare.toString() } },
    ]);
  }
}

function checkpointStream(subscriptionId: string): string {
  return `checkpoints-${subscriptionId}`;
}

/** Serialised before anything is sent, so an event that cannot be written fails the whole append. */
function toEventData(streamId: string, events: readonly NewEvent[]) {
  if (events.length === 0) throw new RangeError(`an append to ${streamId} needs at least one event`);
  return events.map((event) =>
    jsonEvent({
      id: event.eventId ?? randomUUID(),
      type: event.type,
      data: JSON.parse(JSON.stringify(event.data ?? null)),
      metadata: JSON.parse(JSON.stringify(event.metadata ?? {})),
    }),
  );
}

function toStreamState(expected: ExpectedState): AppendStreamState {
  if (expected === 'any') return ANY;
  if (expected === 'no-stream') return NO_STREAM;
  if (expected === 'stream-exists') return STREAM_EXISTS;
  return expected;
}

function toRecordedEvent(event: KurrentRecorded): RecordedEvent {
  if (!event.position) throw new Error(`KurrentDB returned event ${event.id} without a position`);
  return {
    eventId: event.id,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
    type: event.type,
    data: event.data,
    metadata: (event.metadata ?? {}) as EventMetadata,
    recordedAt: event.created.toISOString(),
  };
}
