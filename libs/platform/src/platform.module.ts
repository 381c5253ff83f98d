import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { createPool } from '@app/database';
import type { DatabaseLocation } from '@app/database';
import { EVENT_STORE, KurrentDbEventStore, PostgresEventStore, PostgresSnapshotStore, SNAPSHOT_STORE } from '@app/event-store';
// Type-only: decorator metadata must not reference an interface at run time (tests run as ES modules).
import type { EventStore } from '@app/event-store';
import type { AppConfig } from './app-config';
import { APP_CONFIG, DATABASE_LOCATION, PG_POOL } from './platform.tokens';
import { CLOCK, Clock, systemClock } from './clock';
import { RedactingQueryLogger } from './redacting-query-logger';

export interface PlatformOptions {
  readonly config: AppConfig;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Opened by the caller (see prepareDatabase), who also closes it after the app. */
  readonly database: DatabaseLocation;
}

/** Stops subscriptions and closes the pool when the app closes; the caller then closes the database. */
class PlatformShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.eventStore.close();
    await this.pool.end();
  }
}

/** Configuration, the PostgreSQL pool, TypeORM and the event store, for every app of the monorepo. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot({ config, database, clock = systemClock }: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: database.url,
          uuidExtension: 'pgcrypto',
          poolSize: 8,
          autoLoadEntities: true,
          synchronize: false,
          // Errors only, and without their parameters (see RedactingQueryLogger).
          logging: ['error'],
          logger: new RedactingQueryLogger(),
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        { provide: DATABASE_LOCATION, useValue: database },
        {
          provide: PG_POOL,
          useFactory: () => createPool(database.url, 10),
        },
        {
          provide: EVENT_STORE,
          inject: [PG_POOL],
          useFactory: (pool: Pool): EventStore =>
            config.EVENT_STORE === 'kurrentdb'
              ? KurrentDbEventStore.fromConnectionString(config.KURRENTDB_URL as string)
              : new PostgresEventStore(pool),
        },
        // Beside the streams in PostgreSQL (es_snapshots), whichever store holds the events.
        { provide: SNAPSHOT_STORE, inject: [PG_POOL], useFactory: (pool: Pool) => new PostgresSnapshotStore(pool) },
        PlatformShutdown,
      ],
      exports: [APP_CONFIG, CLOCK, DATABASE_LOCATION, PG_POOL, EVENT_STORE, SNAPSHOT_STORE],
    };
  }
}
