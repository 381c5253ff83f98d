import { demoCallDeadline, lastSeedCalendarYear } from './demo-call-deadline';

describe("the demo call's deadline", () => {
  it('given a day early in a known year, when the call opens, then it stays open 60 days', () => {
    expect(demoCallDeadline('2026-03-01', 2026)).toEqual({ deadline: '2026-04-30', noticeFitsCalendar: true });
  });

  it('given 60 days would run into a year without holiday data, when the call opens, then the deadline leaves three weeks of the known year for review and notice', () => {
    expect(demoCallDeadline('2026-12-01', 2026)).toEqual({ deadline: '2026-12-10', noticeFitsCalendar: true });
  });

  it('given too little of the known year is left, when the call opens, then it stays open until tomorrow and says the notice needs the next year loaded', () => {
    expect(demoCallDeadline('2026-12-20', 2026)).toEqual({ deadline: '2026-12-21', noticeFitsCalendar: false });
  });

  it('reads the last calendar year from the seeds', () => {
    expect(lastSeedCalendarYear('seeds')).toBeGreaterThanOrEqual(2026);
  });
});
