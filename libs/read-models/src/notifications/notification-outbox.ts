import type { EntityManager } from 'typeorm';
import type { NotificationDraft } from './notification-messages';

/**
 * Writes notifications into the outbox in one statement (a publication notifies every applicant of
 * the selection); a draft whose id is already there (a replay, a second tick) is ignored.
 */
export async function enqueueNotifications(manager: EntityManager, drafts: readonly NotificationDraft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  const column = <K extends keyof NotificationDraft>(key: K) => drafts.map((draft) => draft[key]);
  const rows: unknown[] = await manager.query(
    `INSERT INTO notification_outbox (id, audience, kind, subject, body, link, selection_id, dossier_id, occurred_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [column('id'), column('audience'), column('kind'), column('subject'), column('body'), column('link'), column('selectionId'), column('dossierId'), column('occurredAt')],
  );
  return rows.length;
}
