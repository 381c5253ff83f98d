import { join } from 'node:path';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

/** Where the system's PostgreSQL is: a server named by DATABASE_URL, or PGlite in a data folder. */
export interface DatabaseLocation {
  readonly url: string;
  readonly kind: 'server' | 'embedded';
  /** Stops the embedded database; a no-op for a server. */
  close(): Promise<void>;
}

export async function openDatabase(settings: { databaseUrl?: string; dataDir: string }): Promise<DatabaseLocation> {
  if (settings.databaseUrl) {
    return { url: settings.databaseUrl, kind: 'server', close: async () => undefined };
  }
  const embedded: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir: join(settings.dataDir, 'pglite') });
  return { url: embedded.url, kind: 'embedded', close: () => embedded.stop() };
}
