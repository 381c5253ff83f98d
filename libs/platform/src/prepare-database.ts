import { DatabaseLocation, MigrationSet, openDatabase, runMigrations } from '@app/database';
import { eventStoreMigrations } from '@app/event-store';
import { AppConfig } from './app-config';

export const EVENT_STORE_SCHEMA = { tableName: 'es_migrations', migrations: eventStoreMigrations } as const;

/**
 * Opens the database the configuration names (PGlite in DATA_DIR by default) and brings its schema up
 * to date. Runs before Nest starts, so a database problem stops the boot with its own message.
 */
export async function prepareDatabase(
  config: AppConfig,
  schemas: readonly MigrationSet[] = [],
  log: (line: string) => void = () => undefined,
): Promise<DatabaseLocation> {
  const location = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  log(
    location.kind === 'embedded'
      ? `database: embedded PostgreSQL (PGlite) in ${config.DATA_DIR}`
      : `database: PostgreSQL server ${redactPassword(location.url)}`,
  );
  try {
    for (const schema of [EVENT_STORE_SCHEMA, ...schemas]) {
      const applied = await runMigrations(location.url, schema);
      if (applied.length > 0) log(`database: applied ${applied.join(', ')}`);
    }
  } catch (error) {
    await location.close();
    throw error;
  }
  return location;
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
