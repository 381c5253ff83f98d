import { DataSource, MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

export interface MigrationSet {
  /** Each library keeps its own history table, so the event store and read models migrate independently. */
  readonly tableName: string;
  readonly migrations: readonly MigrationClass[];
}

/** Applies the pending migrations of one set, each in its own transaction, and reports their names. */
export async function runMigrations(url: string, set: MigrationSet): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: [...set.migrations],
    migrationsTableName: set.tableName,
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    poolSize: 1,
    logging: ['error'],
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
