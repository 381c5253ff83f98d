import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { InvalidConfigurationError, loadAppConfig, prepareDatabase } from '@app/platform';
import { API_SCHEMAS, createApp } from './create-app';

async function main(): Promise<void> {
  const logger = new Logger('boot');
  const config = loadAppConfig(process.env);
  const database = await prepareDatabase(config, API_SCHEMAS, (line) => logger.log(line));
  const app = await createApp({ config, database });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: closing`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen(config.PORT);
  logger.log(`listening on http://localhost:${config.PORT} (health: /health, API docs: /api/docs)`);
}

main().catch((error: unknown) => {
  if (error instanceof InvalidConfigurationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`the app could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
