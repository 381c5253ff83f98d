import { DataSource } from 'typeorm';
import { createPool } from '@app/database';
import type { DatabaseLocation } from '@app/database';
import { KurrentDbEventStore, PostgresEventStore } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { AppConfig, prepareDatabase } from '@app/platform';
import { DEFAULT_PROJECTIONS, ProjectionRunner, ProjectionRunnerOptions, READ_MODELS_SCHEMA } from '@app/read-models';

/** What a projector process needs, opened from the same configuration as the API. */
export interface ProjectorContext {
  readonly database: DatabaseLocation;
  readonly store: EventStore;
  readonly runner: ProjectionRunner;
  close(): Promise<void>;
}

export async function openProjectorContext(
  config: AppConfig,
  log: (line: string) => void,
  options: ProjectionRunnerOptions = {},
): Promise<ProjectorContext> {
  const database = await prepareDatabase(config, [READ_MODELS_SCHEMA], log);
  const pool = createPool(database.url, 4);
  const dataSource = new DataSource({ type: 'postgres', url: database.url, poolSize: 4, logging: ['error'] });
  await dataSource.initialize();
  const store: EventStore =
    config.EVENT_STORE === 'kurrentdb' ? KurrentDbEventStore.fromConnectionString(config.KURRENTDB_URL as string) : new PostgresEventStore(pool);
  const runner = new ProjectionRunner(store, dataSource, DEFAULT_PROJECTIONS, { log, ...options });
  return {
    database,
    store,
    runner,
    close: async () => {
      await runner.stop();
      await store.close();
      await dataSource.destroy();
      await pool.end();
      await database.close();
    },
  };
}
