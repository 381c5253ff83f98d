import { SettableClock } from './clock';

describe('SettableClock', () => {
  it('given a set instant, when read, then it answers that instant until set again', () => {
    const clock = new SettableClock('2025-03-03T01:00:00.000Z');
    expect(clock.now()).toBe('2025-03-03T01:00:00.000Z');
    clock.set('2025-04-01T01:00:00Z');
    expect(clock.now()).toBe('2025-04-01T01:00:00.000Z');
  });

  it('given followSystem, when read, then it answers the system time; set takes it back', () => {
    const clock = new SettableClock('2025-03-03T01:00:00Z');
    clock.followSystem();
    const before = Date.now();
    const now = Date.parse(clock.now());
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    clock.set('2025-04-01T01:00:00Z');
    expect(clock.now()).toBe('2025-04-01T01:00:00.000Z');
  });
});
