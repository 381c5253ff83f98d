#!/usr/bin/env node
// Checks a selection's history exported by `npm run audit:export` or GET /api/v1/selections/{id}/history,
// with Node alone (no packages): every event's hash is recomputed as
//   SHA-256(previousHash ‖ UTF-8 of the RFC 8785 (JCS) JSON of {data, metadata, revision, streamId, time, type})
// (the first event of a stream chains from 32 zero bytes), revisions count from 0 without gaps, and the
// closing line's counts and last hashes match, so a cut-off or edited file fails.
//
//   node verify-history.mjs selection-history.jsonl      (or: … < file)
// Exit code 0: intact; 1: broken (the first problem is printed); 2: unreadable file.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** RFC 8785 for values JSON.parse gives: keys sorted by UTF-16 code units, ECMAScript number text. */
function canonical(value) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('a number JSON cannot hold');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
}

function eventHash(previousHex, event) {
  const bytes = canonical({
    data: event.data,
    metadata: event.metadata,
    revision: event.revision,
    streamId: event.streamId,
    time: event.time,
    type: event.type,
  });
  return createHash('sha256').update(Buffer.from(previousHex, 'hex')).update(bytes, 'utf8').digest('hex');
}

async function verify(input) {
  const lines = createInterface({ input, crlfDelay: Infinity });
  const streams = new Map();
  let header = null;
  let end = null;
  let number = 0;
  let events = 0;
  for await (const text of lines) {
    number += 1;
    if (text.trim() === '') continue;
    let line;
    try {
      line = JSON.parse(text);
    } catch {
      return { ok: false, line: number, problem: 'not a JSON line' };
    }
    if (end) return { ok: false, line: number, problem: 'lines after the closing line' };
    if (number === 1) {
      if (line.kind !== 'header' || line.format !== 'ai-plus-selections/history-v1') {
        return { ok: false, line: number, problem: 'the first line is not a history-v1 header' };
      }
      header = line;
      continue;
    }
    if (line.kind === 'end') {
      end = line;
      continue;
    }
    if (line.kind !== 'event') return { ok: false, line: number, problem: `unknown line kind ${line.kind}` };
    events += 1;
    const stream = streams.get(line.streamId) ?? { events: 0, lastHash: header.genesisHash };
    const at = `${line.streamId} revision ${line.revision} (${line.type}, event ${line.eventId}, position ${line.position})`;
    if (line.revision !== stream.events) {
      return { ok: false, line: number, problem: `${at}: expected revision ${stream.events}` };
    }
    if (line.previousHash !== stream.lastHash) {
      return { ok: false, line: number, problem: `${at}: previousHash ${line.previousHash} is not the hash of the event before it, ${stream.lastHash}` };
    }
    const recomputed = eventHash(stream.lastHash, line);
    if (recomputed !== line.hash) {
      return { ok: false, line: number, problem: `${at}: its content hashes to ${recomputed}, the file says ${line.hash}` };
    }
    streams.set(line.streamId, { events: stream.events + 1, lastHash: line.hash });
  }
  if (!header) return { ok: false, line: number, problem: 'empty file' };
  if (!end) return { ok: false, line: number, problem: 'no closing line: the file is cut off' };
  for (const summary of end.streams) {
    const seen = streams.get(summary.streamId);
    if (!seen || seen.events !== summary.events || seen.lastHash !== summary.lastHash) {
      return { ok: false, line: number, problem: `${summary.streamId}: the closing line says ${summary.events} events ending in ${summary.lastHash}, the file has ${seen?.events ?? 0}` };
    }
  }
  if (end.streams.length !== streams.size) return { ok: false, line: number, problem: 'the closing line does not list every stream' };
  return { ok: true, selectionId: header.selectionId, streams: streams.size, events, heads: end.streams };
}

const path = process.argv[2];
let input;
try {
  input = path ? createReadStream(path) : process.stdin;
  const result = await verify(input);
  if (result.ok) {
    process.stdout.write(`intact: ${result.selectionId}, ${result.streams} streams, ${result.events} events\n`);
    for (const head of result.heads) process.stdout.write(`  ${head.streamId}  ${head.events} events  head ${head.lastHash}\n`);
    process.exit(0);
  }
  process.stdout.write(`BROKEN at line ${result.line}: ${result.problem}\n`);
  process.exit(1);
} catch (error) {
  process.stderr.write(`cannot read ${path ?? 'standard input'}: ${error.message}\n`);
  process.exit(2);
}
