import { MAX_ATTEMPTS, retryDelayMs } from './retry-schedule';

describe('the delivery retry schedule', () => {
  it('given a first failure, when retried, then it waits 30 seconds, doubling after each further failure', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('given a long outage, when retried, then no wait is longer than six hours', () => {
    expect(retryDelayMs(MAX_ATTEMPTS)).toBeLessThanOrEqual(6 * 3600_000);
    expect(retryDelayMs(40)).toBe(6 * 3600_000);
  });
});
