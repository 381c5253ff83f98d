import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAppConfig, prepareDatabase, SettableClock } from '@app/platform';
import { API_SCHEMAS, createApp } from '../../apps/api/src/create-app';

/**
 * The app under the scale benchmark, in a process of its own so its memory is measured alone: the
 * real app (main.ts's boot) on a settable clock the benchmark moves over IPC, so deadlines and notice
 * windows pass without waiting. PGlite in a temporary folder, or the server database in DATABASE_URL.
 */
export type ScaleAppMessage = { type: 'clock'; instant: string; id: number } | { type: 'stop' };
export type ScaleAppReply = { type: 'listening'; port: number } | { type: 'clock-set'; id: number };

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ai-plus-scale-'));
  const config = loadAppConfig({
    DATA_DIR: dataDir,
    JWT_SECRET: 'scale-benchmark-secret-that-is-long-enough-for-hs256',
    ADMIN_USERNAME: 'bench-admin',
    ADMIN_PASSWORD: 'bench-admin-passphrase',
    // Every organisation of the benchmark registers from this one address.
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: '10000000',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith('BENCH_APP_')).map(([key, value]) => [key.slice('BENCH_APP_'.length), value])),
  });
  const database = await prepareDatabase(config, API_SCHEMAS, () => undefined);
  const clock = new SettableClock(process.env.BENCH_START_AT ?? '2026-03-02T01:00:00.000Z');
  const app = await createApp({ config, clock, database }, false);
  await app.listen(0, '127.0.0.1');
  const send = (reply: ScaleAppReply) => process.send?.(reply);
  process.on('message', (message: ScaleAppMessage) => {
    if (message.type === 'clock') {
      clock.set(message.instant);
      send({ type: 'clock-set', id: message.id });
    } else {
      void app
        .close()
        .then(() => database.close())
        .finally(() => {
          rmSync(dataDir, { recursive: true, force: true });
          process.exit(0);
        });
    }
  });
  send({ type: 'listening', port: (app.getHttpServer().address() as { port: number }).port });
}

main().catch((error: unknown) => {
  process.stderr.write(`scale app failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
