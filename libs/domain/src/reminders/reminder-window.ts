import { LocalDate, addDays, assertLocalDate } from '../calendar/local-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';

/** Reminders go out when this many working days or fewer are left before a deadline. */
export const REMINDER_LEAD_WORKING_DAYS = 3;

/**
 * Working days left before a deadline as seen on `today` (Asia/Shanghai dates): the working days after
 * today up to and including the deadline. Null once the deadline has passed.
 */
export function workingDaysLeft(calendar: WorkingDayCalendar, today: LocalDate, deadline: LocalDate): number | null {
  assertLocalDate(today, 'today');
  assertLocalDate(deadline, 'deadline');
  if (today > deadline) return null;
  let left = 0;
  for (let day = addDays(today, 1); day <= deadline; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) left += 1;
  return left;
}

/** Whether a reminder of a deadline is due on `today`: the deadline is open and at most `lead` working days away. */
export function reminderDue(calendar: WorkingDayCalendar, today: LocalDate, deadline: LocalDate, lead = REMINDER_LEAD_WORKING_DAYS): { due: boolean; workingDaysLeft: number | null } {
  const left = workingDaysLeft(calendar, today, deadline);
  return { due: left !== null && left <= lead, workingDaysLeft: left };
}
