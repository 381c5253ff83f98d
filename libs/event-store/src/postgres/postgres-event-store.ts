import { randomUUID } from 'node:crypto';
import { DatabaseError, Pool, PoolClient } from 'pg';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  StreamAppend,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { ConcurrencyError, DuplicateEventIdError, IdempotencyConflictError } from '../errors';
import { ExpectedState } from '../expected-state';
import { GlobalPosition } from '../global-position';
import { NewEvent, RecordedEvent, categoryOf } from '../recorded-event';
import { SubscriptionHub } from '../subscription/subscription-hub';
import { PostgresCheckpointStore } from './postgres-checkpoint-store';

const DEFAULT_READ_LIMIT = 1000;

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
    const call = prepareAppend({ streamId, events, expectedState: options.expectedState });
    const result = await this.callAppend(this.pool, call);
    if (result.appended) this.hub.appended();
    return result;
  }

  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length === 0) return [];
    // Prepared before the transaction opens: an unserialisable event fails without a round trip.
    const calls = appends.map(prepareAppend);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const results: AppendResult[] = [];
      for (const call of calls) results.push(await this.callAppend(client, call));
      await client.query('COMMIT');
      if (results.some((result) => result.appended)) this.hub.appended();
      return results;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async callAppend(runner: Pool | PoolClient, call: PreparedAppend): Promise<AppendResult> {
    try {
      const { rows } = await runner.query(
        `SELECT next_revision, commit_position::text AS commit_position, prepare_position, appended
           FROM es_append($1, $2, $3, $4::jsonb)`,
        [call.streamId, categoryOf(call.streamId), call.expectedText, call.payload],
      );
      const row = rows[0];
      return {
        nextRevision: BigInt(row.next_revision),
        position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
        appended: row.appended,
      };
    } catch (error) {
      throw translateAppendError(error, call.streamId, call.expected, call.eventIds);
    }
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

  async streamRevision(streamId: string): Promise<bigint | null> {
    const { rows } = await this.pool.query(`SELECT revision FROM es_streams WHERE stream_id = $1`, [streamId]);
    return rows.length === 0 ? null : BigInt(rows[0].revision);
  }

  async listStreams(category: string): Promise<string[]> {
    const { rows } = await this.pool.query(
      `SELECT stream_id FROM es_streams WHERE category = $1 AND revision >= 0 ORDER BY stream_id`,
      [category],
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

interface PreparedAppend {
  readonly streamId: string;
  readonly expected: ExpectedState;
  readonly expectedText: string;
  readonly eventIds: string[];
  readonly payload: string;
}

function prepareAppend({ streamId, events, expectedState }: StreamAppend): PreparedAppend {
  if (events.length === 0) throw new RangeError(`an append to ${streamId} needs at least one event`);
  const expected = expectedState ?? 'any';
  const withIds = events.map((event) => ({
    eventId: event.eventId ?? randomUUID(),
    type: event.type,
    data: event.data ?? null,
    metadata: event.metadata ?? {},
  }));
  return {
    streamId,
    expected,
    expectedText: typeof expected === 'bigint' ? expected.toString() : expected,
    eventIds: withIds.map((event) => event.eventId),
    payload: JSON.stringify(withIds),
  };
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

function translateAppendError(error: unknown, streamId: string, expected: ExpectedState, eventIds: string[]): unknown {
  if (!(error instanceof DatabaseError)) return error;
  switch (error.code) {
    case 'ES001': {
      const actual = BigInt(error.detail ?? '-1');
      return new ConcurrencyError(streamId, expected, actual < 0n ? 'no-stream' : actual);
    }
    case 'ES002':
      return new IdempotencyConflictError(streamId, eventIds);
    case '23505': {
      const duplicate = /\(event_id\)=\(([^)]+)\)/.exec(error.detail ?? '');
      return duplicate ? new DuplicateEventIdError(duplicate[1]) : error;
    }
    default:
      return error;
  }
}
