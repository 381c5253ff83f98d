import 'reflect-metadata';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadAppConfig, prepareDatabase, SettableClock } from '@app/platform';
import { API_SCHEMAS, createApp } from '../../create-app';
import { DEMO_APPLICANT, openNextCall } from './open-next-call';
import { runDemo } from './run-demo';

/**
 * `npm run demo`: the 2025 replay. Boots the real app in this process on embedded PostgreSQL (PGlite)
 * in DATA_DIR/demo, wiped first (the replay always starts from an empty year), drives it over HTTP
 * and writes the annexes to ./out (OUT_DIR).
 *
 * `--serve` (`npm run start:demo`): the same app then goes on serving the portal on PORT, with the
 * clock handed back to the system's — one build and one boot instead of a replay and a second start.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const serve = process.argv.includes('--serve');
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const dataDir = resolve(process.env.DATA_DIR ?? './data', 'demo');
  const outDir = resolve(process.env.OUT_DIR ?? './out');
  log(`demo: wiping and recreating ${dataDir} (the demo's own embedded database; ./data itself is left alone)`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  // The demo's administrator, in this database only (wiped on every run). Like every demo account its
  // password is "<username>-passphrase", documented in the README and on the portal's home page, so
  // `npm run start:demo` can be tried; never use it anywhere else.
  const admin = { username: 'demo-admin', password: 'demo-admin-passphrase' };
  const config = loadAppConfig({
    DATA_DIR: dataDir,
    SEEDS_DIR: process.env.SEEDS_DIR ?? './seeds',
    ADMIN_USERNAME: admin.username,
    ADMIN_PASSWORD: admin.password,
    ...(process.env.PORT ? { PORT: process.env.PORT } : {}),
    // The replay registers every organisation of the 2025 lists from this one address.
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: '100000',
  });
  const database = await prepareDatabase(config, API_SCHEMAS, (line) => log(`demo: ${line}`));
  const clock = new SettableClock('2025-03-03T01:00:00.000Z');
  const app = await createApp({ config, clock, database }, false);
  const close = async () => {
    await app.close();
    await database.close();
  };
  let served = false;
  try {
    // Serving: the replay already talks to the port people will use; otherwise any free port.
    if (serve) await app.listen(config.PORT);
    else await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    log(`demo: the API listens on ${baseUrl} (${seconds()}); every step below is an HTTP request to it`);
    log('demo: organisations, credit codes, experts, scores and investment amounts are SYNTHETIC; the lists are the published 2025 ones');
    const result = await runDemo({ baseUrl, admin, clock, seedsDir: config.SEEDS_DIR, log });
    await openNextCall({ baseUrl, admin, clock, now: new Date(), seedsDir: config.SEEDS_DIR, log: (line) => log(`[++] ${line}`) });
    mkdirSync(outDir, { recursive: true });
    for (const [fileName, body] of result.files) writeFileSync(join(outDir, fileName), body);
    log(`demo: wrote ${result.files.size} files to ${outDir}: ${[...result.files.keys()].join(', ')}`);
    log(`demo: accounts (this database only; password = "<username>-passphrase"): ${admin.username}, ${DEMO_APPLICANT.username}, demo-org-001…, demo-expert-1…8`);
    log(`demo: replay done in ${seconds()}`);
    if (serve) {
      clock.followSystem();
      served = true;
      log(`demo: the portal is ready at http://localhost:${config.PORT}/ — sign in as ${admin.username} / ${admin.password} (Ctrl-C stops it; the data stays in ${dataDir})`);
      const stop = (signal: string) => {
        log(`demo: ${signal}, closing`);
        void close().then(() => process.exit(0));
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    }
  } finally {
    if (!served) await close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
