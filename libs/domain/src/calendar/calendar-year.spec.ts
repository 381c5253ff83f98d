import { refusalOf } from '../shared/refusal.test-support';
import { calendarYearProblems, parseCalendarYear } from './calendar-year';

const valid = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04',
  holidays: ['2026-01-03', '2026-01-01', '2026-01-02'],
  makeUpWorkdays: ['2026-01-04'],
};

const refusalOfParsing = (json: unknown) => refusalOf(() => parseCalendarYear(json));

describe('parseCalendarYear', () => {
  it('given a valid year, returns it with sorted dates and the source kept', () => {
    expect(parseCalendarYear({ $comment: 'notes are allowed', ...valid })).toEqual({
      year: 2026,
      source: valid.source,
      holidays: ['2026-01-01', '2026-01-02', '2026-01-03'],
      makeUpWorkdays: ['2026-01-04'],
    });
  });

  it('does not change the document it was given', () => {
    const json = { ...valid, holidays: [...valid.holidays] };
    parseCalendarYear(json);
    expect(json.holidays).toEqual(valid.holidays);
  });

  it('refuses a date outside the year', () => {
    const refusal = refusalOfParsing({ ...valid, holidays: ['2025-12-31', '2026-01-01'] });
    expect(refusal.code).toBe('invalid-calendar-year');
    expect(refusal.kind).toBe('invalid');
    expect(refusal.message).toBe('calendar year 2026 is not valid: holidays contains 2025-12-31, which is outside 2026');
  });

  it('refuses a date that is both a holiday and a make-up working day', () => {
    expect(calendarYearProblems({ ...valid, holidays: ['2026-01-03'], makeUpWorkdays: ['2026-01-03'] })).toEqual([
      '2026-01-03 is listed both as a holiday and as a make-up working day',
    ]);
  });

  it('refuses a make-up working day on a weekday', () => {
    expect(calendarYearProblems({ ...valid, makeUpWorkdays: ['2026-01-05'] })).toEqual([
      'make-up working day 2026-01-05 is a weekday, which is a working day anyway',
    ]);
  });

  it('refuses duplicates, impossible dates and wrong types, listing every problem at once', () => {
    const problems = calendarYearProblems({
      year: '2026',
      source: ' ',
      holidays: ['2026-02-30', '2026-10-01', '2026-10-01', 5],
      makeUpWorkdays: 'none',
      makeupWorkdays: [],
    });
    expect(problems).toEqual([
      'unknown field "makeupWorkdays"',
      'year must be a four-digit whole number, got "2026"',
      'source must name the notice the dates come from',
      'holidays contains "2026-02-30", which is not a real YYYY-MM-DD date',
      'holidays lists 2026-10-01 twice',
      'holidays contains 5, which is not a real YYYY-MM-DD date',
      'makeUpWorkdays must be a list of YYYY-MM-DD dates',
    ]);
    expect(refusalOfParsing({ year: '2026' }).message).toMatch(/^calendar year is not valid: /);
  });

  it('refuses a year without holidays, which means the notice was not entered', () => {
    expect(calendarYearProblems({ ...valid, holidays: [], makeUpWorkdays: [] })).toEqual([
      'holidays is empty; every year has public holidays, so the notice has not been entered',
    ]);
  });

  it('refuses something that is not an object', () => {
    expect(calendarYearProblems(null)).toEqual(['expected an object with year, source, holidays and makeUpWorkdays']);
    expect(calendarYearProblems([valid])).toHaveLength(1);
  });

  it('puts the problems in the refusal details for programs', () => {
    expect(refusalOfParsing({ ...valid, year: 2027 }).details).toEqual({
      problems: [
        'holidays contains 2026-01-03, which is outside 2027',
        'holidays contains 2026-01-01, which is outside 2027',
        'holidays contains 2026-01-02, which is outside 2027',
        'makeUpWorkdays contains 2026-01-04, which is outside 2027',
      ],
    });
  });
});
