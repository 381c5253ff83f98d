import { seedCalendar } from '../calendar/calendar.test-support';
import { reminderDue, workingDaysLeft } from './reminder-window';

describe('when a deadline reminder is due', () => {
  const calendar = seedCalendar();

  it('given a deadline on a Tuesday, when it is the Friday before, then two working days are left and the reminder is due', () => {
    // 2026-04-14 is a Tuesday; Saturday and Sunday do not count.
    expect(workingDaysLeft(calendar, '2026-04-10', '2026-04-14')).toBe(2);
    expect(reminderDue(calendar, '2026-04-10', '2026-04-14').due).toBe(true);
  });

  it('given a deadline two weeks away, when checked, then the reminder is not due yet', () => {
    expect(reminderDue(calendar, '2026-03-31', '2026-04-14')).toEqual({ due: false, workingDaysLeft: 9 });
  });

  it('given the 劳动节 holiday before the deadline, when counting, then the holiday days are not working days', () => {
    // 2026-05-01..05 is the May Day holiday; 2026-05-09 (Saturday) is a make-up working day.
    // 05-06, 05-07, 05-08, the make-up Saturday 05-09, and Monday 05-11.
    expect(workingDaysLeft(calendar, '2026-04-30', '2026-05-11')).toBe(5);
    expect(workingDaysLeft(calendar, '2026-04-30', '2026-05-06')).toBe(1);
  });

  it('given the deadline day itself, when checked, then nothing is left but the reminder is still due', () => {
    expect(reminderDue(calendar, '2026-04-14', '2026-04-14')).toEqual({ due: true, workingDaysLeft: 0 });
  });

  it('given a passed deadline, when checked, then no reminder is due', () => {
    expect(reminderDue(calendar, '2026-04-15', '2026-04-14')).toEqual({ due: false, workingDaysLeft: null });
  });
});
