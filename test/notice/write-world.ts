/**
 * Writes what an in-memory world of the real deciders (libs/domain/src/selection/full-year.test-support.ts)
 * decided since the last call into the app's store, one atomic append, then lets the read models catch up.
 * Lets a spec bring selections to the end of their notice in a few milliseconds and then drive the
 * award decisions through HTTP.
 */
import type { World } from '@app/domain/selection/full-year.test-support';
import type { TestApp } from '../support/test-app';

export function worldWriter(world: World, t: () => TestApp): () => Promise<void> {
  let written = 0;
  return async () => {
    const appends = world.appends().slice(written);
    written += appends.length;
    const byStream = new Map<string, { type: string; data: unknown }[]>();
    for (const { stream, events } of appends) byStream.set(stream, [...(byStream.get(stream) ?? []), ...events]);
    await t().store.appendMany(
      [...byStream].map(([streamId, events]) => ({
        streamId,
        events: events.map((event) => ({ type: event.type, data: event.data, metadata: { actor: { id: 'test-world', role: 'system' }, correlationId: 'test-world' } })),
      })),
    );
    await t().settle();
  };
}
