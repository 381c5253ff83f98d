#!/usr/bin/env node
// Replays every 专家抽取 recorded in a selection's history exported by `npm run audit:export` or
// GET /api/v1/selections/{id}/history, with Node alone (no packages): each ExpertsDrawn event's
// candidates are shuffled again with its seed, and the first of them must be its drawn experts, the
// next its reserves, in the recorded order. Run tools/verify-history.mjs on the same file first: it
// shows the records are the ones written; this shows the records were made by the draw they name.
//
//   node replay-draws.mjs selection-history.jsonl      (or: … < file)
// Exit code 0: every draw reproduces; 1: one does not (each is printed); 2: unreadable file.
//
// The shuffle is the domain's (libs/domain/src/assignment/seeded-random.ts and draw-experts.ts):
// 32-bit FNV-1a of "draw/" + seed seeds mulberry32, and a Fisher-Yates shuffle from the last place.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

function hashString(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function seededRandom(seed) {
  let state = hashString(seed);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

function shuffled(items, random) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const same = (a, b) => a.length === b.length && a.every((id, i) => id === b[i]);

/** The drawn experts and reserves a record's seed and candidates give, and whether they are the recorded ones. */
function replay(record) {
  const order = shuffled(record.candidates, seededRandom(`draw/${record.seed}`));
  const drawn = order.slice(0, record.drawn.length);
  const reserves = order.slice(record.drawn.length, record.drawn.length + record.reserves.length);
  return { drawn, reserves, reproduces: same(drawn, record.drawn) && same(reserves, record.reserves) };
}

async function replayAll(input) {
  const lines = createInterface({ input, crlfDelay: Infinity });
  const results = [];
  let number = 0;
  for await (const text of lines) {
    number += 1;
    if (text.trim() === '') continue;
    const line = JSON.parse(text);
    if (line.kind !== 'event' || line.type !== 'ExpertsDrawn') continue;
    const { dossierId, seed, candidates, drawn, reserves } = line.data ?? {};
    if (typeof seed !== 'string' || ![candidates, drawn, reserves].every(Array.isArray)) {
      results.push({ line: number, dossierId, reproduces: false, problem: 'the record lacks its seed, candidates, drawn or reserves' });
      continue;
    }
    results.push({ line: number, dossierId, seed, recorded: { drawn, reserves }, ...replay({ seed, candidates, drawn, reserves }) });
  }
  return results;
}

const path = process.argv[2];
try {
  const results = await replayAll(path ? createReadStream(path) : process.stdin);
  const failed = results.filter((result) => !result.reproduces);
  for (const result of results) {
    if (result.reproduces) process.stdout.write(`reproduces: ${result.dossierId}  seed ${result.seed}  drawn ${result.drawn.join(' ')}  reserves ${result.reserves.join(' ') || '-'}\n`);
    else if (result.problem) process.stdout.write(`DOES NOT REPRODUCE at line ${result.line}: ${result.dossierId}: ${result.problem}\n`);
    else process.stdout.write(`DOES NOT REPRODUCE at line ${result.line}: ${result.dossierId}: the seed gives drawn ${result.drawn.join(' ')} reserves ${result.reserves.join(' ') || '-'}, the record says drawn ${result.recorded.drawn.join(' ')} reserves ${result.recorded.reserves.join(' ') || '-'}\n`);
  }
  process.stdout.write(`${results.length} draws, ${results.length - failed.length} reproduce\n`);
  process.exit(failed.length === 0 ? 0 : 1);
} catch (error) {
  process.stderr.write(`cannot read ${path ?? 'standard input'}: ${error.message}\n`);
  process.exit(2);
}
