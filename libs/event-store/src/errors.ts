import { ActualState, ExpectedState, describeState } from './expected-state';

/** The stream was not in the state the writer expected: someone else wrote first. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedState,
    readonly actual: ActualState,
  ) {
    super(
      `stream ${streamId} was expected at ${describeState(expected)} but is at ${describeState(actual)}; ` +
        'read it again and retry',
    );
    this.name = 'ConcurrencyError';
  }
}

/** Some, but not all, of an append's event ids were already written: the retry is not the same append. */
export class IdempotencyConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(`stream ${streamId} already holds some but not all of the events ${eventIds.join(', ')}`);
    this.name = 'IdempotencyConflictError';
  }
}

/** An event id is already used in another stream. */
export class DuplicateEventIdError extends Error {
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already used by another event`);
    this.name = 'DuplicateEventIdError';
  }
}

/** The store cannot be reached or answered with something it should not. */
export class EventStoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}
