import { DomainRefusal } from '../shared/refusal';
import { seedCalendarJsons } from './calendar.test-support';
import { loadCalendarYears } from './load-calendar-years';

describe('loadCalendarYears', () => {
  it('given valid documents, builds a calendar of those years', () => {
    const calendar = loadCalendarYears(seedCalendarJsons);
    expect(calendar.years).toEqual([2025, 2026]);
  });

  it('refuses the whole load when any document is invalid, naming it by position and year', () => {
    const bad = { year: 2027, source: 'draft', holidays: ['2026-10-01'], makeUpWorkdays: [] };
    let refusal: DomainRefusal | undefined;
    try {
      loadCalendarYears([...seedCalendarJsons, bad, 'not a calendar']);
    } catch (error) {
      refusal = error as DomainRefusal;
    }
    expect(refusal).toBeInstanceOf(DomainRefusal);
    expect(refusal?.code).toBe('invalid-calendar-year');
    expect(refusal?.details).toEqual({
      problems: [
        'document 3 (year 2027): holidays contains 2026-10-01, which is outside 2027',
        'document 4: expected an object with year, source, holidays and makeUpWorkdays',
      ],
    });
  });

  it('refuses a year given in two documents', () => {
    expect(() => loadCalendarYears([...seedCalendarJsons, seedCalendarJsons[1]])).toThrow(
      'calendar data is not valid: year 2026 is given more than once (documents 2, 3)',
    );
  });
});
