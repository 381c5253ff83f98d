import { endOfShanghaiDay, instantToEpochMs, shanghaiDate } from './shanghai-time';

describe('Asia/Shanghai dates and instants', () => {
  it('gives the Shanghai date of an instant, which is 8 hours ahead of UTC', () => {
    expect(shanghaiDate('2026-03-31T15:59:59.999Z')).toBe('2026-03-31');
    expect(shanghaiDate('2026-03-31T16:00:00Z')).toBe('2026-04-01');
    expect(shanghaiDate('2026-04-01T00:30:00+08:00')).toBe('2026-04-01');
    expect(shanghaiDate('2025-12-31T23:00:00-05:00')).toBe('2026-01-01');
  });

  it('ends a Shanghai day at 15:59:59.999 UTC', () => {
    expect(endOfShanghaiDay('2026-03-31')).toBe('2026-03-31T15:59:59.999Z');
    expect(endOfShanghaiDay('2026-01-01')).toBe('2026-01-01T15:59:59.999Z');
    expect(shanghaiDate(endOfShanghaiDay('2026-12-31'))).toBe('2026-12-31');
  });

  it('refuses an instant without an offset, which would be read in the server time zone', () => {
    expect(() => shanghaiDate('2026-03-31T10:00:00')).toThrow(
      expect.objectContaining({ code: 'invalid-instant', kind: 'invalid' }),
    );
  });

  it('refuses impossible dates that Date.parse would roll over', () => {
    expect(() => instantToEpochMs('2026-02-30T00:00:00Z', 'submittedAt')).toThrow(/submittedAt must be an ISO-8601 instant/);
    expect(() => instantToEpochMs('yesterday')).toThrow(/got "yesterday"/);
  });

  it('refuses a date that is not real when asked for the end of its day', () => {
    expect(() => endOfShanghaiDay('2026-02-29')).toThrow(expect.objectContaining({ code: 'invalid-date' }));
  });
});
