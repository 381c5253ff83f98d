import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport } from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '@app/platform';
import type { AppConfig } from '@app/platform';
import { addressesOf } from './audience-addresses';
import { mailOf, OutboxRow } from './mail-message';
import { MAX_ATTEMPTS, retryDelayMs } from './retry-schedule';

export interface DeliveryReport {
  readonly sent: number;
  readonly withoutAddress: number;
  readonly failed: number;
}

/**
 * Mails the outbox, at least once: a notification is claimed (a lease on its row), sent, then marked
 * sent. A crash after the send and before the mark sends it again once the lease runs out, with the
 * same Message-ID and X-Idempotency-Key, so receivers can drop the repeat; a crash before the send
 * loses nothing, the row is still pending. A failed send is retried with back-off. Commands never wait
 * for any of this: they only made the projector write the row.
 */
@Injectable()
export class NotificationDelivery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('mail');
  private transport: Transporter | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get mailIsOn(): boolean {
    return this.config.SMTP_URL !== undefined;
  }

  onApplicationBootstrap(): void {
    if (!this.config.SMTP_URL) {
      this.logger.warn('mail is off: SMTP_URL is not set; notifications show in the portal inbox only');
      return;
    }
    this.transport = createTransport(this.config.SMTP_URL);
    this.logger.log(`mail is on: notifications are sent through ${new URL(this.config.SMTP_URL).host}`);
    if (this.config.MAIL_POLL_MS > 0) this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.transport?.close();
  }

  /** Delivers every due notification now (the poll loop calls it; so may a test). */
  async deliverDue(limit = 100): Promise<DeliveryReport> {
    const report = { sent: 0, withoutAddress: 0, failed: 0 };
    for (;;) {
      const rows = await this.claimDue(limit);
      if (rows.length === 0) return report;
      for (const row of rows) {
        const outcome = await this.deliver(row);
        if (outcome === 'sent') report.sent += 1;
        else if (outcome === 'no-address') report.withoutAddress += 1;
        else report.failed += 1;
      }
    }
  }

  /** Step 1: takes a lease on due rows so no other worker sends them meanwhile. */
  async claimDue(limit: number): Promise<OutboxRow[]> {
    if (!this.transport) return [];
    if (this.config.MAIL_NOT_BEFORE) {
      await this.dataSource.query(
        `UPDATE notification_outbox SET delivery_status = 'skipped', last_error = 'event before MAIL_NOT_BEFORE: inbox only'
         WHERE delivery_status = 'pending' AND occurred_at < $1`,
        [this.config.MAIL_NOT_BEFORE],
      );
    }
    const rows: OutboxRow[] = await this.dataSource.query(
      `UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_at = now() + ($2::integer * interval '1 millisecond')
       WHERE id IN (SELECT id FROM notification_outbox WHERE delivery_status = 'pending' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id, audience, subject, body, link, attempts`,
      [limit, this.config.MAIL_CLAIM_LEASE_MS],
    );
    // UPDATE … RETURNING through TypeORM's postgres driver answers [rows, count].
    const claimed = (Array.isArray(rows[0]) ? rows[0] : rows) as OutboxRow[];
    return claimed.sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Step 2: the mail itself, to the audience's addresses as they are now. */
  async send(row: OutboxRow): Promise<string[]> {
    if (!this.transport) throw new Error('mail is off: SMTP_URL is not set');
    const to = await addressesOf(this.dataSource.manager, row.audience);
    if (to.length === 0) return [];
    await this.transport.sendMail(mailOf(row, to, this.config.MAIL_FROM, this.config.PUBLIC_URL));
    return to;
  }

  /** Step 3: records the outcome. */
  async markSent(row: OutboxRow, to: readonly string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_outbox SET delivery_status = $2, sent_at = now(), sent_to = $3, last_error = NULL WHERE id = $1`,
      [row.id, to.length === 0 ? 'no-address' : 'sent', to.join(', ')],
    );
  }

  private async deliver(row: OutboxRow): Promise<'sent' | 'no-address' | 'failed'> {
    try {
      const to = await this.send(row);
      await this.markSent(row, to);
      return to.length === 0 ? 'no-address' : 'sent';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const givenUp = row.attempts >= MAX_ATTEMPTS;
      await this.dataSource.query(
        `UPDATE notification_outbox SET delivery_status = $2, last_error = $3, next_attempt_at = now() + ($4::integer * interval '1 millisecond') WHERE id = $1`,
        [row.id, givenUp ? 'failed' : 'pending', message.slice(0, 500), retryDelayMs(row.attempts)],
      );
      this.logger.warn(`notification ${row.id}: attempt ${row.attempts} failed (${message})${givenUp ? ', given up' : ''}`);
      return 'failed';
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.deliverDue()
        .catch((error: unknown) => this.logger.warn(`delivery round failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.config.MAIL_POLL_MS);
  }
}
