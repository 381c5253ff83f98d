/**
 * The calendar page's text boxes as lists of dates. A holiday notice is usually copied as blocks,
 * so a line may name single days ("2027-01-01") or a run of days ("2027-02-06 至 2027-02-13",
 * also with ~ or –); commas, 、 and spaces separate. What is not a date is reported, not dropped.
 */
export interface ParsedDates {
  readonly dates: string[];
  readonly problems: string[];
}

const DAY_MS = 86_400_000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (date: string) => Date.parse(`${date}T00:00:00Z`);
const isRealDate = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(msOf(date)) && isoOf(msOf(date)) === date;

export function parseDateList(text: string): ParsedDates {
  const dates = new Set<string>();
  const problems: string[] = [];
  const normalised = text.normalize('NFKC').replace(/\s*(至|到|~|–|—)\s*/g, '~');
  for (const token of normalised.split(/[\s,,、;;]+/).filter(Boolean)) {
    const [from, to, ...rest] = token.split('~');
    if (rest.length > 0 || !isRealDate(from) || (to !== undefined && !isRealDate(to))) {
      problems.push(token);
      continue;
    }
    const end = to ?? from;
    if (msOf(end) < msOf(from) || msOf(end) - msOf(from) > 40 * DAY_MS) {
      problems.push(token);
      continue;
    }
    for (let ms = msOf(from); ms <= msOf(end); ms += DAY_MS) dates.add(isoOf(ms));
  }
  return { dates: [...dates].sort(), problems };
}
