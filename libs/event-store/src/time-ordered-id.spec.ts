import { jest } from '@jest/globals';
import { timeOrderedId } from './time-ordered-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('time-ordered event ids', () => {
  afterEach(() => jest.useRealTimers());

  it('given the clock, when an id is made, then it is a UUID version 7 whose first 48 bits are the milliseconds', () => {
    const millis = Date.UTC(2027, 0, 1) + 123;
    jest.useFakeTimers({ now: millis });
    const id = timeOrderedId();

    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(millis);
  });

  it('given 10,000 ids in the same millisecond, when compared as text, then each is greater than the one before and none repeats', () => {
    const millis = Date.UTC(2027, 0, 2);
    jest.useFakeTimers({ now: millis });
    const ids = Array.from({ length: 10_000 }, () => timeOrderedId());

    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, index) => index === 0 || id > ids[index - 1])).toBe(true);
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
  });

  it('given a clock that steps back, when ids are made, then they still increase', () => {
    jest.useFakeTimers({ now: Date.UTC(2027, 0, 3, 12) });
    const later = timeOrderedId();
    jest.setSystemTime(Date.UTC(2027, 0, 3, 11));
    const earlier = timeOrderedId();

    expect(earlier > later).toBe(true);
  });
});
