import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TokenClaims } from '../../auth/actor';
import { audiencesOf } from '../delivery/audience-addresses';

export interface InboxItem {
  readonly id: string;
  readonly kind: string;
  readonly subject: string;
  readonly body: string;
  readonly link: string;
  readonly occurredAt: string;
  readonly read: boolean;
}

export interface Inbox {
  readonly unread: number;
  readonly total: number;
  readonly items: InboxItem[];
}

/** An account's notifications (those of its organisation, its expert record, or the admins), newest first. */
@Injectable()
export class InboxReads {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async inbox(claims: TokenClaims, limit = 50): Promise<Inbox> {
    const audiences = audiencesOf(claims);
    const rows: { id: string; kind: string; subject: string; body: string; link: string; occurred_at: Date; read: boolean }[] = await this.dataSource.query(
      `SELECT o.id, o.kind, o.subject, o.body, o.link, o.occurred_at, (r.notification_id IS NOT NULL) AS read
       FROM notification_outbox o LEFT JOIN notification_reads r ON r.notification_id = o.id AND r.account_id = $2
       WHERE o.audience = ANY($1) ORDER BY o.occurred_at DESC, o.id LIMIT $3`,
      [audiences, claims.sub, limit],
    );
    const counts: { total: string; unread: string }[] = await this.dataSource.query(
      `SELECT count(*) AS total, count(*) FILTER (WHERE r.notification_id IS NULL) AS unread
       FROM notification_outbox o LEFT JOIN notification_reads r ON r.notification_id = o.id AND r.account_id = $2
       WHERE o.audience = ANY($1)`,
      [audiences, claims.sub],
    );
    return {
      total: Number(counts[0].total),
      unread: Number(counts[0].unread),
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        subject: row.subject,
        body: row.body,
        link: row.link,
        occurredAt: new Date(row.occurred_at).toISOString(),
        read: row.read,
      })),
    };
  }

  async unreadCount(claims: TokenClaims): Promise<number> {
    return (await this.inbox(claims, 0)).unread;
  }

  /** Marks one of the account's own notifications read (again is harmless); 404 for any other. */
  async markRead(claims: TokenClaims, notificationId: string): Promise<void> {
    const mine: unknown[] = await this.dataSource.query('SELECT 1 FROM notification_outbox WHERE id = $1 AND audience = ANY($2)', [notificationId, audiencesOf(claims)]);
    if (mine.length === 0) throw new NotFoundException('没有这条通知,或它不是发给您的;请刷新收件箱后再试。');
    await this.dataSource.query('INSERT INTO notification_reads (account_id, notification_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [claims.sub, notificationId]);
  }

  async markAllRead(claims: TokenClaims): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification_reads (account_id, notification_id) SELECT $1, id FROM notification_outbox WHERE audience = ANY($2) ON CONFLICT DO NOTHING`,
      [claims.sub, audiencesOf(claims)],
    );
  }

  async address(claims: TokenClaims): Promise<string | null> {
    const rows: { email: string }[] = await this.dataSource.query('SELECT email FROM notification_addresses WHERE account_id = $1', [claims.sub]);
    return rows[0]?.email ?? null;
  }

  /** Sets (or with null removes) where the account's notifications are mailed. */
  async setAddress(claims: TokenClaims, email: string | null): Promise<void> {
    if (email === null) {
      await this.dataSource.query('DELETE FROM notification_addresses WHERE account_id = $1', [claims.sub]);
      return;
    }
    await this.dataSource.query(
      `INSERT INTO notification_addresses (account_id, email) VALUES ($1, $2)
       ON CONFLICT (account_id) DO UPDATE SET email = EXCLUDED.email, updated_at = now()`,
      [claims.sub, email],
    );
  }
}
