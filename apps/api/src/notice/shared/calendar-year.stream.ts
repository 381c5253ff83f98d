import { CalendarYear, parseCalendarYear } from '@app/domain/calendar';
import type { Decider } from '@app/domain/shared/decider';
import { refuse } from '@app/domain/shared/refusal';
import type { CommandMetadata } from '@app/domain/shared/command-metadata';

/**
 * A later year's holiday notice, loaded by an admin as data into `calendar-{year}`. The domain
 * (libs/domain/src/calendar) validates it; this small decider only says "once per year, by an admin".
 */
export const CALENDAR_CATEGORY = 'calendar';

export function calendarStreamOf(year: number): string {
  return `${CALENDAR_CATEGORY}-${year}`;
}

export interface LoadCalendarYear {
  readonly type: 'LoadCalendarYear';
  readonly data: { readonly calendarYear: unknown; readonly seedYears: readonly number[] };
  readonly metadata: CommandMetadata;
}

export interface CalendarYearLoaded {
  readonly type: 'CalendarYearLoaded';
  readonly data: CalendarYear & { readonly loadedAt: string; readonly loadedBy: string };
}

export type CalendarYearState = { readonly loaded: false } | { readonly loaded: true; readonly year: CalendarYear };

export const calendarYearDecider: Decider<LoadCalendarYear, CalendarYearLoaded, CalendarYearState> = {
  initialState: () => ({ loaded: false }),
  decide(command, state) {
    if (command.metadata.actor.role !== 'admin') throw refuse('admin-only', 'only an admin loads a holiday notice', 'forbidden');
    const year = parseCalendarYear(command.data.calendarYear);
    if (state.loaded || command.data.seedYears.includes(year.year)) {
      throw refuse('calendar-year-known', `the working-day calendar of ${year.year} is already known; a year is loaded once`);
    }
    return [{ type: 'CalendarYearLoaded', data: { ...year, loadedAt: command.metadata.now, loadedBy: command.metadata.actor.id } }];
  },
  evolve(_state, event) {
    const { year, holidays, makeUpWorkdays, source } = event.data;
    return { loaded: true, year: { year, holidays, makeUpWorkdays, source } };
  },
};
