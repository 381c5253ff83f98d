import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { InvalidConfigurationError, loadAppConfig, prepareDatabase } from '@app/platform';
import { AppModule } from '../../app.module';
import { API_SCHEMAS } from '../../create-app';
import { parseAnnexesArguments } from './annexes.arguments';
import type { AnnexesArguments } from './annexes.arguments';
import { databaseSource } from './database-source';
import { httpSource } from './http-source';
import { AnnexesError, writeAnnexes } from './write-annexes';

/**
 * `npm run annexes -- --selection key-enterprise-2025 --year 2025 --format txt,html,docx --out ./out`:
 * boots the app's Nest context on the database `npm start` uses (DATA_DIR / DATABASE_URL), renders the
 * published selections' documents with the API's builders and writes them to a folder. With --api it
 * downloads them from a running API instead. Exit codes: 0 written, 1 failed, 2 bad arguments.
 */
async function run(args: AnnexesArguments, log: (line: string) => void): Promise<number> {
  const started = Date.now();
  if (args.api) {
    log(`annexes: downloading from ${args.api}`);
    const written = await writeAnnexes(httpSource(args.api), args, log);
    log(`annexes: ${written.length} files in ${args.outDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return 0;
  }
  // Read-only use of the app: no first-admin bootstrap, no projector of its own (the annexes are
  // folded from the event streams, not read from the projections).
  const { ADMIN_USERNAME: _username, ADMIN_PASSWORD: _password, ...environment } = process.env;
  const config = loadAppConfig({ ...environment, PROJECTOR: 'external' });
  // Opening an embedded database that is not there would create an empty one: say where to look instead.
  if (!config.DATABASE_URL && !existsSync(join(config.DATA_DIR, 'pglite'))) {
    throw new AnnexesError(`there is no database in ${resolve(config.DATA_DIR)} (DATA_DIR): point DATA_DIR at the app's data folder (the demo's is DATA_DIR=./data/demo), set DATABASE_URL, or use --api`);
  }
  const database = await prepareDatabase(config, API_SCHEMAS, (line) => log(`annexes: ${line}`));
  try {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, database }), { logger: false });
    try {
      const written = await writeAnnexes(databaseSource(app), args, log);
      log(`annexes: ${written.length} files in ${args.outDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
  return 0;
}

async function main(): Promise<number> {
  const out = (text: string) => process.stdout.write(text);
  const err = (text: string) => process.stderr.write(text);
  try {
    const args = parseAnnexesArguments(process.argv.slice(2), { out, err });
    if (!args) return 0;
    return await run(args, (line) => out(`${line}\n`));
  } catch (error) {
    if (error instanceof AnnexesError) {
      // commander has printed its own message for a bad argument already.
      if (error.exitCode !== 2) err(`annexes: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof InvalidConfigurationError) {
      err(`annexes: ${error.message}\n`);
      return 2;
    }
    err(`annexes failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

void main().then((code) => process.exit(code));
