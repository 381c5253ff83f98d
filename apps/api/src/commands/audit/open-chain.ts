import { createPool } from '@app/database';
import { PostgresChainAuditor, PostgresEventStore } from '@app/event-store';
import { loadAppConfig, prepareDatabase } from '@app/platform';

export class AuditCommandError extends Error {}

/** The database `npm start` uses (DATA_DIR / DATABASE_URL), migrated, with the chain's auditor and the store. */
export async function openChain(log: (line: string) => void): Promise<{
  auditor: PostgresChainAuditor;
  store: PostgresEventStore;
  close(): Promise<void>;
}> {
  const config = loadAppConfig({ ...process.env, PROJECTOR: 'external' });
  if (config.EVENT_STORE !== 'postgres') {
    throw new AuditCommandError('the hash chain is kept by the PostgreSQL event store only: unset EVENT_STORE or set it to postgres');
  }
  const database = await prepareDatabase(config, [], log);
  const pool = createPool(database.url, 2);
  const store = new PostgresEventStore(pool);
  return {
    auditor: new PostgresChainAuditor(pool),
    store,
    close: async () => {
      await store.close();
      await pool.end();
      await database.close();
    },
  };
}
