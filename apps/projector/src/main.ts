import 'reflect-metadata';
import { InvalidConfigurationError, loadAppConfig } from '@app/platform';
import { openProjectorContext } from './projector-context';
import { acquireProjectorLock, HeldLock } from './single-active-lock';

/**
 * The projector as a process of its own (run the API with PROJECTOR=external). On the PostgreSQL
 * server one instance is active, chosen by an advisory lock; embedded PGlite is one process anyway.
 */
async function main(): Promise<void> {
  const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  const config = loadAppConfig(process.env);
  const context = await openProjectorContext(config, log);
  const stopping = new AbortController();
  let lock: HeldLock | null = null;
  let closing = false;
  const shutdown = async (reason: string, code: number) => {
    if (closing) return;
    closing = true;
    stopping.abort();
    log(`projector: ${reason}; stopping`);
    await context.close();
    await lock?.release();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown('SIGINT', 0));
  process.once('SIGTERM', () => void shutdown('SIGTERM', 0));

  if (context.database.kind === 'server') {
    lock = await acquireProjectorLock(context.database.url, log, 5000, stopping.signal);
    lock.lost.catch((error: unknown) => void shutdown(`lost the projector lock (${String(error)})`, 1));
  }
  await context.runner.start();
  log(`projector: running ${context.runner.projections.map((projection) => `${projection.name} v${projection.version}`).join(', ')}`);
}

main().catch((error: unknown) => {
  if (error instanceof InvalidConfigurationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`the projector could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
