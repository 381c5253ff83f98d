import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WorkingDayCalendar, shanghaiDate } from '@app/domain/calendar';
import { reminderDue } from '@app/domain/reminders';
import { APP_CONFIG, CLOCK } from '@app/platform';
import type { AppConfig, Clock } from '@app/platform';
import { NotificationDraft, enqueueNotifications, scoresMissing, submissionDeadline } from '@app/read-models';
import { NoticeReads } from '../../notice/shared/notice-reads';

export interface TickReport {
  readonly day: string;
  readonly written: number;
}

/**
 * Time-based reminders (scores still missing before the review deadline, drafts not submitted before
 * the submission deadline) from a clock tick whose state lives in the database: every reminder's id
 * names its selection, recipient and kind, so a tick after a restart, a second API process or a
 * repeated tick writes nothing twice, and a tick after downtime writes what fell due meanwhile.
 * reminder_ticks records when it last looked. See README ("Notifications") for why not pg-boss.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('reminders');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reads: NoticeReads,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.REMINDER_TICK_MS <= 0) return;
    const run = () => {
      this.running = this.tick()
        .catch((error: unknown) => this.logger.warn(`reminder tick failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => (this.running = null));
    };
    run();
    this.timer = setInterval(run, this.config.REMINDER_TICK_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Looks at the clock once: writes every reminder due today that is not in the outbox yet. */
  async tick(): Promise<TickReport> {
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const calendar = new WorkingDayCalendar((await this.reads.calendarYears()).map(({ year }) => year));
    const drafts = [...(await this.missingScores(calendar, today, now)), ...(await this.unsubmittedDrafts(calendar, today, now))];
    const written = await this.dataSource.transaction(async (manager) => {
      const count = await enqueueNotifications(manager, drafts);
      await manager.query(
        `INSERT INTO reminder_ticks (name, last_tick_at, last_day, reminders_written) VALUES ('deadlines', $1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET last_tick_at = EXCLUDED.last_tick_at, last_day = EXCLUDED.last_day,
           reminders_written = reminder_ticks.reminders_written + EXCLUDED.reminders_written`,
        [now, today, count],
      );
      return count;
    });
    return { day: today, written };
  }

  private async missingScores(calendar: WorkingDayCalendar, today: string, now: string): Promise<NotificationDraft[]> {
    const selections: { id: string; title: string; review_deadline_date: string }[] = await this.dataSource.query(
      `SELECT id, title, review_deadline_date FROM rm_notification_selections WHERE phase = 'review' AND review_deadline_date IS NOT NULL`,
    );
    const drafts: NotificationDraft[] = [];
    for (const selection of selections) {
      const window = this.windowOf(calendar, today, selection.review_deadline_date);
      if (window === null) continue;
      const missing: { expert_id: string; missing: string }[] = await this.dataSource.query(
        `SELECT expert_id, count(*) AS missing FROM rm_expert_assignments WHERE selection_id = $1 AND status = 'assigned' AND NOT scored
         GROUP BY expert_id ORDER BY expert_id`,
        [selection.id],
      );
      for (const row of missing) drafts.push(scoresMissing(selection, row.expert_id, Number(row.missing), selection.review_deadline_date, window, today, now));
    }
    return drafts;
  }

  private async unsubmittedDrafts(calendar: WorkingDayCalendar, today: string, now: string): Promise<NotificationDraft[]> {
    const selections: { id: string; title: string; submission_deadline_date: string }[] = await this.dataSource.query(
      `SELECT id, title, submission_deadline_date FROM rm_notification_selections WHERE phase = 'open'`,
    );
    const drafts: NotificationDraft[] = [];
    for (const selection of selections) {
      const window = this.windowOf(calendar, today, selection.submission_deadline_date);
      if (window === null) continue;
      const owners: { applicant_credit_code: string; drafts: string }[] = await this.dataSource.query(
        `SELECT applicant_credit_code, count(*) AS drafts FROM rm_dossiers WHERE selection_id = $1 AND status = 'draft'
         GROUP BY applicant_credit_code ORDER BY applicant_credit_code`,
        [selection.id],
      );
      for (const row of owners) drafts.push(submissionDeadline(selection, row.applicant_credit_code, Number(row.drafts), selection.submission_deadline_date, window, today, now));
    }
    return drafts;
  }

  /** Working days left when a reminder is due today, else null (also when the calendar lacks the year). */
  private windowOf(calendar: WorkingDayCalendar, today: string, deadline: string): number | null {
    try {
      const { due, workingDaysLeft } = reminderDue(calendar, today, deadline);
      return due ? workingDaysLeft : null;
    } catch (error) {
      this.logger.warn(`no reminder for the deadline ${deadline}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }
}
