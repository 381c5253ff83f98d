import type { EventStore, ReadStreamOptions, RecordedEvent, StreamAppend } from '@app/event-store';

/**
 * The store as one attempt of a command sees it when the command knows which streams it will read
 * whole: the first read of any of them fetches them all in one query (readStreams), and each is then
 * served once from that answer. Everything else goes to the store; an append forgets what is left,
 * so a retried attempt reads afresh. One round trip where a score made two.
 */
export function withReadAhead(store: EventStore, streamIds: readonly string[]): EventStore {
  let ahead: Promise<Map<string, RecordedEvent[]>> | null = null;
  const unread = new Set(streamIds);
  const readStream = async (streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> => {
    if (!unread.has(streamId) || (options && Object.values(options).some((value) => value !== undefined))) return store.readStream(streamId, options);
    unread.delete(streamId);
    ahead ??= store.readStreams(streamIds);
    return (await ahead).get(streamId) ?? [];
  };
  const appendMany = (appends: readonly StreamAppend[]) => {
    unread.clear();
    return store.appendMany(appends);
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'readStream') return readStream;
      if (property === 'appendMany') return appendMany;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
