import type { EventStore, PostgresChainAuditor } from '@app/event-store';
import { GENESIS_HASH } from '@app/event-store';
import { selectionStreamOf } from '@app/domain/selection';
import { refuse } from '@app/domain/shared/refusal';

export const HISTORY_FORMAT = 'ai-plus-selections/history-v1';

/** The streams of a selection's history: its own stream, then its dossiers' streams by id. */
export async function selectionHistoryStreams(store: EventStore, selectionId: string): Promise<string[]> {
  const selectionStream = selectionStreamOf(selectionId);
  if ((await store.streamRevision(selectionStream)) === null) {
    throw refuse('selection-not-found', `there is no selection "${selectionId}"`, 'not-found');
  }
  return [selectionStream, ...(await store.listStreams('dossier', { prefix: `dossier-${selectionId}-` }))];
}

/**
 * A selection's complete history as JSON Lines, for auditors: a header, one line per event with the
 * content its hash covers and the hashes, and a closing line with each stream's event count and last
 * hash (a cut-off file fails). tools/verify-history.mjs checks a file with Node alone.
 */
export async function* selectionHistoryLines(
  store: EventStore,
  auditor: PostgresChainAuditor,
  selectionId: string,
  streamIds: readonly string[],
): AsyncGenerator<string> {
  await auditor.anchor();
  yield `${JSON.stringify({
    kind: 'header',
    format: HISTORY_FORMAT,
    selectionId,
    exportedAt: new Date().toISOString(),
    canonicalForm:
      'hash = SHA-256(previousHash ‖ UTF-8 of RFC 8785 JSON of {data, metadata, revision, streamId, time, type}); the first event of a stream chains from 32 zero bytes',
    genesisHash: GENESIS_HASH.toString('hex'),
    globalHead: await auditor.head(),
  })}\n`;
  const streams = new Map<string, { events: number; lastHash: string }>();
  for await (const lines of auditor.streamHistory(streamIds)) {
    let text = '';
    for (const line of lines) {
      streams.set(line.streamId, { events: line.revision + 1, lastHash: line.hash });
      text += `${JSON.stringify({ kind: 'event', ...line })}\n`;
    }
    if (text) yield text;
  }
  yield `${JSON.stringify({ kind: 'end', streams: [...streams.entries()].map(([streamId, summary]) => ({ streamId, ...summary })) })}\n`;
}
