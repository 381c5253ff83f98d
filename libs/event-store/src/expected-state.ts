/**
 * What the writer believes about the stream before its append:
 * - `any`: no check;
 * - `no-stream`: the stream must not exist yet;
 * - `stream-exists`: it must hold at least one event;
 * - a bigint: the revision of its last event (0 after the first event).
 */
export type ExpectedState = 'any' | 'no-stream' | 'stream-exists' | bigint;

/** The stream's actual state, as a concurrency error reports it. */
export type ActualState = 'no-stream' | bigint;

export function describeState(state: ExpectedState | ActualState): string {
  return typeof state === 'bigint' ? `revision ${state}` : state;
}
