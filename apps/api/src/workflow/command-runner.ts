import { Inject, Injectable, Logger } from '@nestjs/common';
import { EVENT_STORE, formatPosition, SNAPSHOT_STORE } from '@app/event-store';
import type { EventStore, SnapshotStore } from '@app/event-store';
import { APP_CONFIG, CommandContext, RunOptions, UnitOfWork, UnitOfWorkResult, runCommand } from '@app/platform';
import type { AppConfig } from '@app/platform';
import { ProjectionRunner } from '@app/read-models';
import { withReadAhead } from './read-ahead';

export interface CommandRunOptions extends RunOptions {
  /** Streams the command reads whole, fetched together at its first read of any of them (see withReadAhead). */
  readonly readAhead?: readonly string[];
}

/** The one door commands go through: read, fold, decide, append atomically (see runCommand). */
@Injectable()
export class CommandRunner {
  private readonly logger = new Logger('commands');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly projector: ProjectionRunner,
    @Inject(SNAPSHOT_STORE) private readonly snapshots: SnapshotStore,
  ) {}

  async run<T>(commandType: string, context: CommandContext, work: (unit: UnitOfWork) => Promise<T>, options: CommandRunOptions = {}): Promise<UnitOfWorkResult<T>> {
    const { readAhead, ...runOptions } = options;
    const store = readAhead && readAhead.length > 0 ? withReadAhead(this.store, readAhead) : this.store;
    const result = await runCommand(store, commandType, context, work, { ...runOptions, snapshots: this.snapshots });
    await this.awaitReadModels(commandType, result);
    return result;
  }

  /**
   * Read-your-writes: answer once the in-process projector has passed the command's events, so the
   * client's next list shows them. Bounded: the command is committed, so a projector that made no
   * progress for PROJECTION_WAIT_MS only logs (a big append waits as long as its batches keep coming).
   */
  private async awaitReadModels(commandType: string, result: UnitOfWorkResult<unknown>): Promise<void> {
    if (result.position === null || !this.projector.running) return;
    const reached = await this.projector.waitFor(result.position, this.config.PROJECTION_WAIT_MS);
    if (!reached) {
      this.logger.warn(`${commandType}: the read models did not reach ${formatPosition(result.position)} (no progress for ${this.config.PROJECTION_WAIT_MS} ms); answering anyway`);
    }
  }
}
