import { refuse } from '../shared/refusal';
import { LocalDate, assertLocalDate } from './local-date';
import { WorkingDayCalendar } from './working-day-calendar';

export interface NoticeWindow {
  /** The first day of the notice: the requested day, or the next working day when it is not one. */
  readonly startsOn: LocalDate;
  /** The notice runs to the end of this day (see endOfShanghaiDay). */
  readonly endsOn: LocalDate;
  readonly workingDays: number;
}

/**
 * The 公示 period of N working days. The start counts as day 1, so a 5-day notice starting on a
 * Monday of an ordinary week ends on that Friday. Refuses `calendar-year-unknown` (naming the year)
 * when the period would reach a year whose holiday notice is not loaded.
 */
export function noticeWindow(calendar: WorkingDayCalendar, startsOn: LocalDate, workingDays: number): NoticeWindow {
  assertLocalDate(startsOn, 'notice start');
  if (!Number.isSafeInteger(workingDays) || workingDays < 1) {
    throw refuse(
      'invalid-working-days',
      `a notice lasts a whole number of working days, at least 1; got ${workingDays}`,
      'invalid',
    );
  }
  const firstDay = calendar.firstWorkingDayFrom(startsOn);
  return { startsOn: firstDay, endsOn: calendar.addWorkingDays(firstDay, workingDays - 1), workingDays };
}
