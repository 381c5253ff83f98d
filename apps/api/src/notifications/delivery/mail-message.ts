import { createHash } from 'node:crypto';
import type { SendMailOptions } from 'nodemailer';

export interface OutboxRow {
  readonly id: string;
  readonly audience: string;
  readonly subject: string;
  readonly body: string;
  readonly link: string;
  readonly attempts: number;
}

/** The header receivers deduplicate on: the outbox id, the same on every attempt of one notification. */
export const IDEMPOTENCY_HEADER = 'X-Idempotency-Key';

/** The Message-ID of a notification, derived from its outbox id: a resend after a crash repeats it. */
export function messageIdOf(notificationId: string): string {
  return `<${createHash('sha256').update(notificationId).digest('hex').slice(0, 40)}@ai-plus-selections>`;
}

/** One mail for one notification, to every address of its audience, with the link back to the portal. */
export function mailOf(row: OutboxRow, to: readonly string[], from: string, publicUrl: string): SendMailOptions {
  const link = new URL(row.link, publicUrl).toString();
  return {
    from,
    to: [...to],
    subject: row.subject,
    text: `${row.body}\n\n请登录系统查看:${link}\n`,
    messageId: messageIdOf(row.id),
    headers: { [IDEMPOTENCY_HEADER]: row.id },
  };
}
