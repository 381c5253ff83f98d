import { v7 } from 'uuid';

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then a counter and random bits. The ids a
 * process makes increase (the `uuid` package keeps them monotonic within a millisecond and when the clock
 * steps back), so the event-id index takes them at its right edge instead of at random pages (on the
 * server a random v4 id cost a fifth of a 100-event append's time in that index and its probe).
 */
export function timeOrderedId(): string {
  return v7();
}
