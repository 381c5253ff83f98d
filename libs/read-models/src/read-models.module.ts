import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { APP_CONFIG } from '@app/platform';
import type { AppConfig } from '@app/platform';
import { DEFAULT_PROJECTIONS } from './default-projections';
import { ProjectionRunner } from './projection-runner';
import { DossierReadModel, ExpertReadModel, FundLedgerReadModel, OrganisationHistoryReadModel, ReviewOutcomeReadModel, SelectionReadModel } from './queries';

/** The query side: each reads its tables through the app's DataSource. */
const READ_MODELS = [SelectionReadModel, DossierReadModel, ExpertReadModel, ReviewOutcomeReadModel, OrganisationHistoryReadModel, FundLedgerReadModel] as const;

/** Starts the projector with the app when it runs in-process (PROJECTOR=in-process, the default). */
@Injectable()
class InProcessProjector implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.PROJECTOR === 'in-process') await this.runner.start();
  }

  // Before the platform closes the store and the pool.
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}

/** The read models' runner (for the command path's read-your-writes wait) and their queries. */
@Global()
@Module({})
export class ReadModelsModule {
  static forRoot(): DynamicModule {
    const logger = new Logger('projector');
    return {
      module: ReadModelsModule,
      providers: [
        {
          provide: ProjectionRunner,
          inject: [EVENT_STORE, getDataSourceToken()],
          useFactory: (store: EventStore, dataSource: DataSource) =>
            new ProjectionRunner(store, dataSource, DEFAULT_PROJECTIONS, { log: (line) => logger.warn(line) }),
        },
        InProcessProjector,
        ...READ_MODELS.map((readModel) => ({
          provide: readModel,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) => new readModel(dataSource),
        })),
      ],
      exports: [ProjectionRunner, ...READ_MODELS],
    };
  }
}
