import type { EntityManager } from 'typeorm';
import type { NotificationDraft } from './notification-messages';

/** Writes notifications into the outbox; a draft whose id is already there (a replay, a second tick) is ignored. */
export async function enqueueNotifications(manager: EntityManager, drafts: readonly NotificationDraft[]): Promise<number> {
  let written = 0;
  for (const draft of drafts) {
    const rows: unknown[] = await manager.query(
      `INSERT INTO notification_outbox (id, audience, kind, subject, body, link, selection_id, dossier_id, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [draft.id, draft.audience, draft.kind, draft.subject, draft.body, draft.link, draft.selectionId, draft.dossierId, draft.occurredAt],
    );
    written += rows.length;
  }
  return written;
}
