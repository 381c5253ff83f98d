import { parseDateList } from './holiday-notice-form';

describe('the holiday notice form', () => {
  it('reads single days and runs of days as the notice writes them', () => {
    expect(parseDateList('2027-01-01\n2027-02-06 至 2027-02-08、2027-05-01~2027-05-02, 2027-01-01')).toEqual({
      dates: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-05-01', '2027-05-02'],
      problems: [],
    });
  });

  it('reports what is not a real date or a sensible run instead of dropping it', () => {
    expect(parseDateList('2027-02-30 元旦 2027-03-05~2027-03-01 2027-01-01~2027-06-01').problems).toEqual(['2027-02-30', '元旦', '2027-03-05~2027-03-01', '2027-01-01~2027-06-01']);
    expect(parseDateList('   ')).toEqual({ dates: [], problems: [] });
  });
});
