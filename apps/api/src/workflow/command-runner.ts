import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { CommandContext, RunOptions, UnitOfWork, UnitOfWorkResult, runCommand } from '@app/platform';

/** The one door commands go through: read, fold, decide, append atomically (see runCommand). */
@Injectable()
export class CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  run<T>(commandType: string, context: CommandContext, work: (unit: UnitOfWork) => Promise<T>, options?: RunOptions): Promise<UnitOfWorkResult<T>> {
    return runCommand(this.store, commandType, context, work, options);
  }
}
