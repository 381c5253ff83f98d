import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '@app/platform';
import type { AppConfig } from '@app/platform';
import { ProgrammeCatalogue } from '../catalogue/programme-catalogue';
import { CommandRunner } from './command-runner';
import { StreamDirectory } from './stream-directory';

/** What every use case shares: the command path, stream reads, the programme catalogue. */
@Global()
@Module({
  providers: [
    CommandRunner,
    StreamDirectory,
    { provide: ProgrammeCatalogue, inject: [APP_CONFIG], useFactory: (config: AppConfig) => ProgrammeCatalogue.load(config.SEEDS_DIR) },
  ],
  exports: [CommandRunner, StreamDirectory, ProgrammeCatalogue],
})
export class WorkflowModule {}
