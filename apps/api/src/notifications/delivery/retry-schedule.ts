/** Attempts before a notification is given up as failed (its inbox entry stays). */
export const MAX_ATTEMPTS = 10;

/**
 * Milliseconds to wait after the n-th failed attempt (n from 1): 30 s, 1 min, 2 min, … doubling, at
 * most 6 h, so a mail server that is down for a day is retried about a dozen times, not thousands.
 */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 6 * 3600_000);
}
