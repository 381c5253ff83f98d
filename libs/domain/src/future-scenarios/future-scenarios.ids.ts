/** The stream of a year's future-scenario list. */
export function futureScenariosStreamOf(year: number): string {
  return `future-scenarios-${year}`;
}
