import type { Pool } from 'pg';
import { CANONICAL_TIME_SQL, GENESIS_HASH, chainHash, eventHash } from '../chain/event-chain';

/** Events read per round trip while the chain is recomputed. */
const VERIFY_BATCH = 5000;
/** Commits anchored per call of es_anchor. */
const ANCHOR_BATCH = 5000;

/** One anchored commit: the head of the global chain after it. */
export interface ChainHead {
  /** 1-based place of the commit in the global chain. */
  readonly seq: number;
  /** The global position of the commit's last event (`commit/prepare`). */
  readonly position: string;
  /** Hex SHA-256. */
  readonly chainHash: string;
  readonly anchoredAt: string;
}

export type ChainBreakKind =
  | 'event-hash-mismatch'
  | 'revision-gap'
  | 'stream-head-mismatch'
  | 'commit-hash-mismatch'
  | 'chain-hash-mismatch'
  | 'commit-not-anchored';

/** The first place the recomputed chain disagrees with the stored one. */
export interface ChainBreak {
  readonly kind: ChainBreakKind;
  readonly position: string | null;
  readonly streamId: string | null;
  readonly revision: number | null;
  readonly eventId: string | null;
  readonly type: string | null;
  /** The anchored commit concerned (commit kinds). */
  readonly seq: number | null;
  /** What the table holds and what recomputing gives (hex hashes or revisions). */
  readonly stored: string | null;
  readonly recomputed: string | null;
}

export interface ChainVerification {
  readonly intact: boolean;
  readonly checkedAt: string;
  readonly events: number;
  readonly streams: number;
  readonly commits: number;
  /**
   * Commits after the head, not anchored yet: those of transactions a still-running older transaction
   * anywhere on the server holds behind the horizon (anchoring is never wrong, only later). Their events
   * are verified by their streams' chains.
   */
  readonly unanchoredCommits: number;
  readonly head: ChainHead | null;
  /** The earliest break in global order, if any, and how many events in all disagree. */
  readonly firstBreak: ChainBreak | null;
  readonly brokenEvents: number;
  readonly durationMs: number;
  readonly eventsPerSecond: number;
}

/** One event as an export carries it: the content its hash covers, and the hashes. */
export interface ChainedEventLine {
  readonly streamId: string;
  readonly revision: number;
  readonly position: string;
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly time: string;
  readonly previousHash: string;
  readonly hash: string;
}

interface VerifyRow {
  stream_id: string;
  stream_revision: string;
  event_id: string;
  commit_position: string;
  global_position: string;
  type: string;
  data: unknown;
  metadata: unknown;
  time: string;
  hash: Buffer;
}

interface AnchorRow {
  seq: string;
  commit_position: string;
  last_position: string;
  commit_hash: Buffer;
  chain_hash: Buffer;
  anchored_at: Date;
  recomputed: Buffer | null;
}

/**
 * Anchors and verifies the hash chain of a PostgreSQL event store (server or PGlite). Verification
 * recomputes every event's hash from its content (not trusting the stored hashes), every stream head,
 * every anchored commit from its events and the global chain, and reports the earliest disagreement
 * in global order.
 */
export class PostgresChainAuditor {
  constructor(private readonly pool: Pool) {}

  /** Anchors every settled commit not yet in the global chain; answers how many it anchored. */
  async anchor(): Promise<number> {
    let total = 0;
    for (;;) {
      const { rows } = await this.pool.query<{ anchored: number }>(`SELECT es_anchor($1) AS anchored`, [ANCHOR_BATCH]);
      total += rows[0].anchored;
      if (rows[0].anchored < ANCHOR_BATCH) return total;
    }
  }

  /** The head of the global chain, or null before the first commit. */
  async head(): Promise<ChainHead | null> {
    const { rows } = await this.pool.query(
      `SELECT seq, commit_position::text AS commit_position, last_position, chain_hash, anchored_at
         FROM es_anchors ORDER BY seq DESC LIMIT 1`,
    );
    return rows.length === 0 ? null : toHead(rows[0]);
  }

  /** The head as it stood at the end of each of the last `days` days (time zone of `utcOffset`). */
  async dailyHeads(days: number, utcOffset = '+08:00'): Promise<Array<{ day: string; head: ChainHead }>> {
    const { rows } = await this.pool.query(
      `SELECT DISTINCT ON (day) day, seq, commit_position::text AS commit_position, last_position, chain_hash, anchored_at
         FROM (SELECT to_char(anchored_at AT TIME ZONE $2::text, 'YYYY-MM-DD') AS day, * FROM es_anchors
                WHERE anchored_at >= now() - make_interval(days => $1::int)) a
        ORDER BY day DESC, seq DESC`,
      [days, utcOffsetZone(utcOffset)],
    );
    return rows.map((row) => ({ day: row.day as string, head: toHead(row) }));
  }

  /**
   * These streams' events with their canonical time and hashes, stream by stream in revision order
   * (ids in the order given), in batches of `batch` streams: what an auditor's export carries.
   */
  async *streamHistory(streamIds: readonly string[], batch = 200): AsyncGenerator<ChainedEventLine[]> {
    for (let start = 0; start < streamIds.length; start += batch) {
      const ids = streamIds.slice(start, start + batch);
      const { rows } = await this.pool.query<VerifyRow & { previous: Buffer | null }>(
        `SELECT stream_id, stream_revision, event_id, transaction_id::text AS commit_position, global_position, type,
                data, metadata, ${CANONICAL_TIME_SQL} AS time, hash,
                lag(hash) OVER (PARTITION BY stream_id ORDER BY stream_revision) AS previous
           FROM es_events WHERE stream_id = ANY ($1::text[])
          ORDER BY array_position($1::text[], stream_id), stream_revision`,
        [ids],
      );
      yield rows.map((row) => ({
        streamId: row.stream_id,
        revision: Number(row.stream_revision),
        position: `${row.commit_position}/${row.global_position}`,
        eventId: row.event_id,
        type: row.type,
        data: row.data,
        metadata: row.metadata,
        time: row.time,
        previousHash: hex(row.previous ?? GENESIS_HASH),
        hash: hex(row.hash),
      }));
    }
  }

  async verify(): Promise<ChainVerification> {
    const started = process.hrtime.bigint();
    await this.anchor();
    const breaks: ChainBreak[] = [];
    let brokenEvents = 0;
    let events = 0;
    let streams = 0;
    // Per stream, in revision order: each event against its recomputed predecessor and its stored one.
    let after: { stream: string; revision: string } | null = null;
    let stream = '';
    let expectedRevision = 0;
    let recomputedPrevious = GENESIS_HASH;
    let storedPrevious = GENESIS_HASH;
    let streamBroken = false;
    for (;;) {
      const { rows }: { rows: VerifyRow[] } = await this.pool.query<VerifyRow>(
        `SELECT stream_id, stream_revision, event_id, transaction_id::text AS commit_position, global_position, type,
                data, metadata, ${CANONICAL_TIME_SQL} AS time, hash FROM es_events
          WHERE $1::text IS NULL OR (stream_id, stream_revision) > ($1::text, $2::bigint)
          ORDER BY stream_id, stream_revision LIMIT ${VERIFY_BATCH}`,
        [after?.stream ?? null, after?.revision ?? null],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        events += 1;
        if (row.stream_id !== stream) {
          stream = row.stream_id;
          streams += 1;
          expectedRevision = 0;
          recomputedPrevious = GENESIS_HASH;
          storedPrevious = GENESIS_HASH;
          streamBroken = false;
        }
        const revision = Number(row.stream_revision);
        const at = {
          position: `${row.commit_position}/${row.global_position}`,
          streamId: row.stream_id,
          revision,
          eventId: row.event_id,
          type: row.type,
          seq: null,
        };
        if (revision !== expectedRevision) {
          breaks.push({ kind: 'revision-gap', ...at, stored: String(revision), recomputed: String(expectedRevision) });
          streamBroken = true;
        }
        expectedRevision = revision + 1;
        const content = { streamId: row.stream_id, revision, type: row.type, data: row.data, metadata: row.metadata, time: row.time };
        const recomputed = eventHash(recomputedPrevious, content);
        if (!recomputed.equals(row.hash)) {
          brokenEvents += 1;
          // The event whose own link fails is the edited one; those after it differ only through it.
          const ownLink = eventHash(storedPrevious, content);
          if (!ownLink.equals(row.hash) || !streamBroken) {
            breaks.push({ kind: 'event-hash-mismatch', ...at, stored: hex(row.hash), recomputed: hex(ownLink) });
          }
          streamBroken = true;
        }
        recomputedPrevious = recomputed;
        storedPrevious = row.hash;
      }
      const last: VerifyRow = rows[rows.length - 1];
      after = { stream: last.stream_id, revision: last.stream_revision };
    }

    const heads = await this.pool.query(
      `SELECT s.stream_id, s.revision, s.head_hash, e.hash, e.event_id, e.type,
              e.transaction_id::text AS commit_position, e.global_position
         FROM es_streams s LEFT JOIN es_events e ON e.stream_id = s.stream_id AND e.stream_revision = s.revision
        WHERE s.revision >= 0 AND (e.hash IS NULL OR e.hash <> s.head_hash
              OR EXISTS (SELECT 1 FROM es_events later WHERE later.stream_id = s.stream_id AND later.stream_revision > s.revision))`,
    );
    for (const row of heads.rows) {
      breaks.push({
        kind: 'stream-head-mismatch',
        position: row.global_position === null ? null : `${row.commit_position}/${row.global_position}`,
        streamId: row.stream_id,
        revision: Number(row.revision),
        eventId: row.event_id,
        type: row.type,
        seq: null,
        stored: hex(row.head_hash),
        recomputed: row.hash ? hex(row.hash) : null,
      });
    }

    const commits = await this.verifyAnchors(breaks);
    const head = await this.head();
    const pending = await this.pool.query<{ commits: number }>(
      `SELECT count(DISTINCT transaction_id)::int AS commits FROM es_events
        WHERE transaction_id > coalesce((SELECT commit_position FROM es_anchors ORDER BY seq DESC LIMIT 1), '0'::xid8)`,
    );
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    return {
      intact: breaks.length === 0,
      checkedAt: new Date().toISOString(),
      events,
      streams,
      commits,
      unanchoredCommits: pending.rows[0].commits,
      head,
      firstBreak: earliest(breaks),
      brokenEvents,
      durationMs: Math.round(durationMs),
      eventsPerSecond: durationMs > 0 ? Math.round((events * 1000) / durationMs) : events,
    };
  }

  /** Each anchored commit against its events' hashes, and the global chain link by link. */
  private async verifyAnchors(breaks: ChainBreak[]): Promise<number> {
    let commits = 0;
    let previous = GENESIS_HASH;
    let afterSeq = 0;
    let lastCommit = '0';
    for (;;) {
      const { rows } = await this.pool.query<AnchorRow>(
        `SELECT a.seq, a.commit_position::text AS commit_position, a.last_position, a.commit_hash, a.chain_hash,
                a.anchored_at,
                (SELECT sha256(string_agg(e.hash, ''::bytea ORDER BY e.global_position)) FROM es_events e
                  WHERE e.transaction_id = a.commit_position) AS recomputed
           FROM es_anchors a WHERE a.seq > $1 ORDER BY a.seq LIMIT ${VERIFY_BATCH}`,
        [afterSeq],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        commits += 1;
        const seq = Number(row.seq);
        const at = { position: `${row.commit_position}/${row.last_position}`, streamId: null, revision: null, eventId: null, type: null, seq };
        if (seq !== afterSeq + 1) breaks.push({ kind: 'chain-hash-mismatch', ...at, stored: String(seq), recomputed: String(afterSeq + 1) });
        if (!row.recomputed || !row.recomputed.equals(row.commit_hash)) {
          breaks.push({ kind: 'commit-hash-mismatch', ...at, stored: hex(row.commit_hash), recomputed: row.recomputed ? hex(row.recomputed) : null });
        }
        const link = chainHash(previous, row.commit_hash);
        if (!link.equals(row.chain_hash)) breaks.push({ kind: 'chain-hash-mismatch', ...at, stored: hex(row.chain_hash), recomputed: hex(link) });
        previous = row.chain_hash;
        afterSeq = seq;
        lastCommit = row.commit_position;
      }
    }
    // A commit older than the last anchored one that is not in the chain was slipped in afterwards.
    const { rows } = await this.pool.query(
      `SELECT e.transaction_id::text AS commit_position, e.global_position, e.stream_id, e.stream_revision, e.event_id, e.type
         FROM es_events e
        WHERE e.transaction_id <= $1::text::xid8
          AND NOT EXISTS (SELECT 1 FROM es_anchors a WHERE a.commit_position = e.transaction_id)
        ORDER BY e.transaction_id, e.global_position LIMIT 1`,
      [lastCommit],
    );
    for (const row of rows) {
      breaks.push({
        kind: 'commit-not-anchored',
        position: `${row.commit_position}/${row.global_position}`,
        streamId: row.stream_id,
        revision: Number(row.stream_revision),
        eventId: row.event_id,
        type: row.type,
        seq: null,
        stored: null,
        recomputed: null,
      });
    }
    return commits;
  }
}

function hex(value: Buffer): string {
  return value.toString('hex');
}

function toHead(row: { seq: string; commit_position: string; last_position: string; chain_hash: Buffer; anchored_at: Date }): ChainHead {
  return {
    seq: Number(row.seq),
    position: `${row.commit_position}/${row.last_position}`,
    chainHash: hex(row.chain_hash),
    anchoredAt: row.anchored_at.toISOString(),
  };
}

/** `+08:00` as a POSIX zone for AT TIME ZONE (whose signs are inverted). */
function utcOffsetZone(offset: string): string {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match) throw new RangeError(`not a UTC offset: ${offset}`);
  return `${match[1] === '+' ? '-' : '+'}${match[2]}:${match[3]}`;
}

function comparePositions(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const [ac, ap] = a.split('/').map(BigInt);
  const [bc, bp] = b.split('/').map(BigInt);
  return ac !== bc ? (ac < bc ? -1 : 1) : ap < bp ? -1 : ap > bp ? 1 : 0;
}

function earliest(breaks: readonly ChainBreak[]): ChainBreak | null {
  return breaks.reduce<ChainBreak | null>(
    (first, candidate) => (first === null || comparePositions(candidate.position, first.position) < 0 ? candidate : first),
    null,
  );
}
