import { ActualState, ExpectedState, describeState } from './expected-state';

/** The stream was not in the state the writer expected: someone else wrote first. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedState,
    /** 'unknown' when the database aborted the append before any revision was compared. */
    readonly actual: ActualState | 'unknown',
  ) {
    super(
      `stream ${streamId} was expected at ${describeState(expected)} but is at ${actual === 'unknown' ? 'an unknown revision' : describeState(actual)}; ` +
        'read it again and retry',
    );
    this.name = 'ConcurrencyError';
  }
}

/**
 * The database aborted the append's transaction — a deadlock (SQLSTATE 40P01) or a serialization
 * failure (40001) — so nothing was written. It is a ConcurrencyError: the command runs again on a
 * fresh read, like any other writer that got in first.
 */
export class TransactionAbortedError extends ConcurrencyError {
  constructor(
    streamId: string,
    expected: ExpectedState,
    readonly sqlState: '40P01' | '40001',
  ) {
    super(streamId, expected, 'unknown');
    this.message = `the append to ${streamId} was aborted by the database (${sqlState === '40P01' ? 'deadlock' : 'serialization failure'}); nothing was written, read again and retry`;
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
