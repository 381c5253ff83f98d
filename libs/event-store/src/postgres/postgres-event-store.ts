import { DatabaseError, Pool } from 'pg';
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
import { ConcurrencyError, DuplicateEventIdError, IdempotencyConflictError, TransactionAbortedError } from '../errors';
import { GlobalPosition, comparePositions } from '../global-position';
import { NewEvent, RecordedEvent, categoryOf } from '../recorded-event';
import { SubscriptionHub } from '../subscription/subscription-hub';
import { canonicalJson } from '../chain/event-chain';
import { timeOrderedId } from '../time-ordered-id';
import { PostgresCheckpointStore } from './postgres-checkpoint-store';

const DEFAULT_READ_LIMIT = 1000;
/** Stream ids per query of readStreams. */
const READ_STREAMS_BATCH = 1000;

interface EventRow {
  event_id: string;
  stream_id: string;
  stream_revision: string;
  commit_position: string;
  global_position: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recorded_at: Date;
}

const SELECT_EVENT = `SELECT event_id, stream_id, stream_revision, transaction_id::text AS commit_position,
  global_position, type, data, metadata, recorded_at FROM es_events`;

export interface PostgresEventStoreOptions {
  /** How often a live subscription looks for events written by other processes. Default 250 ms. */
  readonly pollIntervalMs?: number;
}

/**
 * The event store on PostgreSQL, for both the server and embedded PGlite (through its socket server).
 * It holds no session state, advisory locks or LISTEN/NOTIFY, since PGlite shares one session among
 * all its connections; subscriptions poll by position and are woken at once by appends of this process.
 */
export class PostgresEventStore implements EventStore {
  private readonly checkpoints: PostgresCheckpointStore;
  private readonly hub: SubscriptionHub;

  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions = {},
  ) {
    this.checkpoints = new PostgresCheckpointStore(pool);
    this.hub = new SubscriptionHub(this, this.checkpoints, this.options.pollIntervalMs ?? 250);
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const [result] = await this.appendStreams([{ streamId, events, expectedState: options.expectedState }]);
    return result;
  }

  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length === 0) return [];
    return this.appendStreams(appends);
  }

  /**
   * Every stream's events in one autocommitted call of `es_append_streams` (migration 1767000000000): one
   * round trip, one INSERT, no loop over the streams.
   */
  private async appendStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    // Prepared before the call: an unserialisable event fails without a round trip.
    const call = prepareAppends(appends);
    let rows: AppendRow[];
    try {
      ({ rows } = await this.pool.query<AppendRow>(
        `SELECT stream_name, next_revision, commit_position::text AS commit_position, prepare_position, appended
           FROM es_append_streams($1::text[], $2::text[], $3::text[], $4::int[], $5::uuid[], $6::text[], $7::text[], $8::text[])`,
        [call.streamIds, call.categories, call.expected, call.eventStreams, call.eventIds, call.types, call.data, call.metadata],
      ));
    } catch (error) {
      throw translateAppendError(error, appends, call);
    }
    const byStream = new Map(rows.map((row) => [row.stream_name, row]));
    const results = call.streamIds.map((streamId) => {
      const row = byStream.get(streamId);
      if (!row) throw new Error(`es_append_streams gave no answer for ${streamId}`);
      return {
        nextRevision: BigInt(row.next_revision),
        position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
        appended: row.appended,
      };
    });
    const written = results.filter((result) => result.appended).map((result) => result.position);
    if (written.length > 0) this.hub.appended(written.reduce((furthest, position) => (comparePositions(position, furthest) > 0 ? position : furthest)));
    return results;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? null;
    const revisionCheck = backwards ? 'stream_revision <= $2::bigint' : 'stream_revision >= $2::bigint';
    const { rows } = await this.pool.query<EventRow>(
      `${SELECT_EVENT} WHERE stream_id = $1 AND ($2::bigint IS NULL OR ${revisionCheck})
        ORDER BY stream_revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
      [streamId, from === null ? null : from.toString(), options.maxCount ?? null],
    );
    return rows.map(toRecordedEvent);
  }

  async readStreams(streamIds: readonly string[]): Promise<Map<string, RecordedEvent[]>> {
    const streams = new Map<string, RecordedEvent[]>();
    const unique = [...new Set(streamIds)];
    for (let start = 0; start < unique.length; start += READ_STREAMS_BATCH) {
      const { rows } = await this.pool.query<EventRow>(
        `${SELECT_EVENT} WHERE stream_id = ANY ($1::text[]) ORDER BY stream_id, stream_revision`,
        [unique.slice(start, start + READ_STREAMS_BATCH)],
      );
      for (const row of rows) {
        const events = streams.get(row.stream_id) ?? [];
        if (events.length === 0) streams.set(row.stream_id, events);
        events.push(toRecordedEvent(row));
      }
    }
    return streams;
  }

  async streamRevision(streamId: string): Promise<bigint | null> {
    const { rows } = await this.pool.query(`SELECT revision FROM es_streams WHERE stream_id = $1`, [streamId]);
    return rows.length === 0 ? null : BigInt(rows[0].revision);
  }

  async listStreams(category: string, options: ListStreamsOptions = {}): Promise<string[]> {
    const prefix = options.prefix ?? '';
    // text_pattern_ops index (migration 1764900000000): LIKE 'prefix%' is a range scan of the ids.
    const pattern = `${prefix.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    const { rows } = await this.pool.query(
      `SELECT stream_id FROM es_streams WHERE category = $1 AND revision >= 0 AND stream_id LIKE $2 ORDER BY stream_id`,
      [category, pattern],
    );
    return rows.map((row: { stream_id: string }) => row.stream_id);
  }

  /**
   * Events in global order, up to the oldest transaction still running: everything returned is final,
   * and nothing later can commit in front of it.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? { commit: 0n, prepare: 0n };
    const params: unknown[] = [after.commit.toString(), after.prepare.toString(), options.maxCount ?? DEFAULT_READ_LIMIT];
    let categoryCheck = '';
    if (options.category !== undefined) {
      params.push(options.category);
      categoryCheck = `AND category = $4`;
    }
    const { rows } = await this.pool.query<EventRow>(
      `${SELECT_EVENT}
        WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint) ${categoryCheck}
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY transaction_id, global_position LIMIT $3`,
      params,
    );
    return rows.map(toRecordedEvent);
  }

  async headPosition(options: { category?: string } = {}): Promise<GlobalPosition | null> {
    const { rows } = await this.pool.query(
      `SELECT transaction_id::text AS commit_position, global_position FROM es_events
        WHERE $1::text IS NULL OR category = $1
        ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
      [options.category ?? null],
    );
    return rows.length === 0 ? null : { commit: BigInt(rows[0].commit_position), prepare: BigInt(rows[0].global_position) };
  }

  subscribe(options: SubscribeOptions): Subscription {
    return this.hub.subscribe(options);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1 FROM es_streams LIMIT 1');
  }

  /** Stops the subscriptions; the pool belongs to whoever made it. */
  async close(): Promise<void> {
    await this.hub.stopAll();
  }
}

interface AppendRow {
  stream_name: string;
  next_revision: string;
  commit_position: string;
  prepare_position: string;
  appended: boolean;
}

/** One append as the columns `es_append_streams` takes: streams in the caller's order, events in order. */
interface PreparedAppends {
  readonly streamIds: string[];
  readonly categories: string[];
  readonly expected: string[];
  readonly eventStreams: number[];
  readonly eventIds: string[];
  readonly types: string[];
  readonly data: string[];
  readonly metadata: string[];
}

function prepareAppends(appends: readonly StreamAppend[]): PreparedAppends {
  const call: PreparedAppends = {
    streamIds: [],
    categories: [],
    expected: [],
    eventStreams: [],
    eventIds: [],
    types: [],
    data: [],
    metadata: [],
  };
  const seen = new Set<string>();
  // A command's events share one metadata object (UnitOfWork): canonicalised once per append.
  const canonicalMetadata = new Map<unknown, string>();
  appends.forEach(({ streamId, events, expectedState }, index) => {
    if (events.length === 0) throw new RangeError(`an append to ${streamId} needs at least one event`);
    if (seen.has(streamId)) throw new RangeError(`stream ${streamId} appears twice in one append`);
    seen.add(streamId);
    const expected = expectedState ?? 'any';
    call.streamIds.push(streamId);
    call.categories.push(categoryOf(streamId));
    call.expected.push(typeof expected === 'bigint' ? expected.toString() : expected);
    for (const event of events) {
      call.eventStreams.push(index + 1);
      call.eventIds.push(event.eventId ?? timeOrderedId());
      call.types.push(event.type);
      // RFC 8785 text: what the row stores and what its hash covers (chain/event-chain.ts).
      call.data.push(canonicalJson(event.data ?? null));
      const metadata = event.metadata ?? {};
      let text = canonicalMetadata.get(metadata);
      if (text === undefined) {
        text = canonicalJson(metadata);
        canonicalMetadata.set(metadata, text);
      }
      call.metadata.push(text);
    }
  });
  return call;
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    revision: BigInt(row.stream_revision),
    position: { commit: BigInt(row.commit_position), prepare: BigInt(row.global_position) },
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at.toISOString(),
  };
}

/** The stream a refusal names: `es_append_streams` gives its 1-based index in HINT. */
function translateAppendError(error: unknown, appends: readonly StreamAppend[], call: PreparedAppends): unknown {
  if (!(error instanceof DatabaseError)) return error;
  const index = Number(error.hint ?? '1') - 1;
  const streamId = call.streamIds[index] ?? call.streamIds[0];
  switch (error.code) {
    case 'ES001': {
      const actual = BigInt(error.detail ?? '-1');
      return new ConcurrencyError(streamId, appends[index]?.expectedState ?? 'any', actual < 0n ? 'no-stream' : actual);
    }
    case '40P01':
    case '40001':
      // Deadlock or serialization failure: the transaction rolled back whole, so the command may run again.
      return new TransactionAbortedError(streamId, appends[index]?.expectedState ?? 'any', error.code);
    case 'ES002':
      return new IdempotencyConflictError(
        streamId,
        call.eventIds.filter((_, event) => call.eventStreams[event] === index + 1),
      );
    case '23505': {
      const duplicate = /\(event_id\)=\(([^)]+)\)/.exec(error.detail ?? '');
      return duplicate ? new DuplicateEventIdError(duplicate[1]) : error;
    }
    default:
      return error;
  }
}
