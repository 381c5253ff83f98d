import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * The hash chain of the event store (README, "Tamper-evident history").
 *
 * Every event's hash is SHA-256(the previous event's hash in its stream ‖ the event's canonical bytes);
 * the first event of a stream chains from 32 zero bytes. The canonical bytes are the UTF-8 of the RFC 8785
 * (JCS) form of `{ data, metadata, revision, streamId, time, type }`, where `time` is the store's
 * `recorded_at` in UTC with microseconds (`2026-06-01T04:00:00.123456Z`) and `revision` a number.
 * The append function assembles the same bytes in SQL from the JCS text of data and metadata that the
 * adapter sends (JCS orders these six keys as written, and PostgreSQL escapes a JSON string as JCS does).
 */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/** The SQL expression of an event's canonical time, for a row of es_events. */
export const CANONICAL_TIME_SQL = `to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface ChainedEventContent {
  readonly streamId: string;
  readonly revision: bigint | number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  /** The canonical time (see CANONICAL_TIME_SQL). */
  readonly time: string;
}

/**
 * RFC 8785 text of a JSON value (the `canonicalize` library, by one of the RFC's authors). A value that
 * RFC 8785 refuses but JSON.stringify writes (NaN or ±Infinity, which JSON.stringify makes null) is
 * stored as JSON.stringify would store it, as before the chain; a lone surrogate stays refused.
 */
export function canonicalJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (error) {
    if (!(error instanceof Error) || !/NaN|Infinity/.test(error.message)) throw error;
    text = canonicalize(JSON.parse(JSON.stringify(value)));
  }
  if (text === undefined) throw new TypeError('a value with no JSON form cannot be canonicalised');
  return text;
}

export function canonicalEventBytes(event: ChainedEventContent): Buffer {
  return Buffer.from(
    canonicalJson({
      data: event.data ?? null,
      metadata: event.metadata ?? {},
      revision: Number(event.revision),
      streamId: event.streamId,
      time: event.time,
      type: event.type,
    }),
    'utf8',
  );
}

export function chainHash(previous: Buffer, canonical: Buffer): Buffer {
  return createHash('sha256').update(previous).update(canonical).digest();
}

/** The hash an event must carry after `previous`. */
export function eventHash(previous: Buffer, event: ChainedEventContent): Buffer {
  return chainHash(previous, canonicalEventBytes(event));
}
