import 'reflect-metadata';
import { InvalidConfigurationError, loadAppConfig } from '@app/platform';
import type { RecordedEvent } from '@app/event-store';
import { openProjectorContext } from './projector-context';

/**
 * `npm run projections:rebuild [name...]`: empties the named projections (all when none is named),
 * replays the whole history into them with a progress line, and prints the rate.
 */
async function main(names: string[]): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const config = loadAppConfig(process.env);
  let handled = 0;
  let total = 0;
  let started = Date.now();
  const rate = () => Math.round(handled / Math.max((Date.now() - started) / 1000, 0.001));
  const onBatch = (events: readonly RecordedEvent[]) => {
    handled += events.length;
    process.stdout.write(`\r${handled}/${total} events (${total ? Math.floor((100 * handled) / total) : 100}%), ${rate()} events/s   `);
  };
  const context = await openProjectorContext(config, log, { onBatch });
  try {
    const chosen = names.length > 0 ? names : context.runner.projections.map((projection) => projection.name);
    total = await countEvents(context.store);
    await context.runner.reset(chosen);
    started = Date.now();
    await context.runner.catchUp();
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    process.stdout.write(`\nrebuilt ${chosen.join(', ')}: ${handled} events in ${seconds.toFixed(2)} s, ${Math.round(handled / seconds)} events/s\n`);
  } finally {
    await context.close();
  }
}

/** Counted by reading, since the store has no count; the rebuild reads it all again anyway. */
async function countEvents(store: { readAll(options: { after?: RecordedEvent['position'] | null; maxCount?: number }): Promise<RecordedEvent[]> }): Promise<number> {
  let count = 0;
  let after: RecordedEvent['position'] | null = null;
  for (;;) {
    const events: RecordedEvent[] = await store.readAll({ after, maxCount: 5000 });
    if (events.length === 0) return count;
    count += events.length;
    after = events[events.length - 1].position;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof InvalidConfigurationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`the rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
