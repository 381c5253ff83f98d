import type { EntityManager } from 'typeorm';
import { categoryOf } from '@app/event-store';
import type { RecordedEvent } from '@app/event-store';
import type { DossierEvent } from '@app/domain/dossier';
import { upcastSelectionEvent } from '@app/domain/selection';
import type { SelectionEvent } from '@app/domain/selection';
import { aggregateIdOf } from '../folded-state';
import type { Projection } from '../projection';
import {
  DossierRef,
  NotificationDraft,
  SelectionRef,
  defenceScheduled,
  dossierRejected,
  dossierReturned,
  expertAssigned,
  objectionReceived,
  objectionResolved,
  resultsPublished,
} from './notification-messages';
import { enqueueNotifications } from './notification-outbox';

/**
 * Turns events into notifications for the people they concern and writes them to notification_outbox
 * in the projection's transaction, so a notification exists exactly when its event has been projected.
 * It keeps what it needs to word them (dossier titles and owners, selection titles) in tables of its
 * own, so it depends on no other projection's order. The outbox is not among `tables`: a rebuild
 * replays into it, and the ids (event id + audience) make every replayed notification a no-op.
 */
export const notificationsProjection: Projection = {
  name: 'notifications',
  version: 1,
  categories: ['selection', 'dossier'],
  tables: ['rm_notification_dossiers', 'rm_notification_selections'],
  async handle(events, manager) {
    const drafts: NotificationDraft[] = [];
    for (const event of events) {
      if (categoryOf(event.streamId) === 'dossier') drafts.push(...(await onDossierEvent(manager, event as RecordedEvent & DossierEvent)));
      else drafts.push(...(await onSelectionEvent(manager, event as RecordedEvent & SelectionEvent)));
    }
    await enqueueNotifications(manager, drafts);
  },
};

async function onDossierEvent(manager: EntityManager, event: RecordedEvent & DossierEvent): Promise<NotificationDraft[]> {
  const id = aggregateIdOf(event.streamId);
  switch (event.type) {
    case 'DossierDrafted': {
      const { selectionId, applicantCreditCode, title } = event.data;
      await manager.query(
        `INSERT INTO rm_notification_dossiers (id, selection_id, applicant_credit_code, title) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET selection_id = EXCLUDED.selection_id, applicant_credit_code = EXCLUDED.applicant_credit_code, title = EXCLUDED.title`,
        [id, selectionId, applicantCreditCode, title],
      );
      return [];
    }
    case 'DossierEdited':
      if (event.data.changes.title !== undefined) await manager.query('UPDATE rm_notification_dossiers SET title = $2 WHERE id = $1', [id, event.data.changes.title]);
      return [];
    case 'DossierSubmitted':
      await manager.query('UPDATE rm_notification_dossiers SET submitted = true WHERE id = $1', [id]);
      return [];
    case 'DossierReturnedForCorrection': {
      const dossier = await dossierRef(manager, id);
      return dossier ? [dossierReturned(event.eventId, dossier, event.data.reason, event.data.correctionDeadlineDate, event.data.returnedAt)] : [];
    }
    case 'DossierRejected': {
      const dossier = await dossierRef(manager, id);
      return dossier ? [dossierRejected(event.eventId, dossier, event.data.reason, event.data.rejectedAt)] : [];
    }
    case 'DefenceScheduled': {
      const dossier = await dossierRef(manager, id);
      return dossier ? [defenceScheduled(event.eventId, dossier, event.data.slot, event.data.scheduledAt)] : [];
    }
    case 'ObjectionFiled': {
      const dossier = await dossierRef(manager, id);
      return dossier ? [objectionReceived(event.eventId, dossier, event.data.filedAt)] : [];
    }
    case 'ObjectionUpheld':
    case 'ObjectionDismissed': {
      const dossier = await dossierRef(manager, id);
      return dossier ? [objectionResolved(event.eventId, dossier, event.type === 'ObjectionUpheld', event.data.finding, event.data.decidedAt)] : [];
    }
    default:
      return [];
  }
}

async function onSelectionEvent(manager: EntityManager, event: RecordedEvent & SelectionEvent): Promise<NotificationDraft[]> {
  const id = aggregateIdOf(event.streamId);
  switch (event.type) {
    case 'SelectionOpened':
      await manager.query(
        `INSERT INTO rm_notification_selections (id, title, submission_deadline_date, phase) VALUES ($1, $2, $3, 'open')
         ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, submission_deadline_date = EXCLUDED.submission_deadline_date`,
        [id, event.data.title, event.data.submissionDeadlineDate],
      );
      return [];
    case 'SubmissionsClosed':
    case 'ReviewClosed':
      await manager.query('UPDATE rm_notification_selections SET phase = $2 WHERE id = $1', [id, event.type === 'SubmissionsClosed' ? 'submissions-closed' : 'review-closed']);
      return [];
    case 'ExpertReviewStarted': {
      const deadline = event.data.reviewDeadlineDate ?? null;
      await manager.query(`UPDATE rm_notification_selections SET phase = 'review', review_deadline_date = $2 WHERE id = $1`, [id, deadline]);
      const selection = await selectionRef(manager, id);
      return selection ? perExpert(event).map(([expertId, count]) => expertAssigned(event.eventId, selection, expertId, count, deadline, event.data.startedAt)) : [];
    }
    case 'ReplacementAssignmentsPlanned': {
      const selection = await selectionRef(manager, id);
      if (!selection) return [];
      const rows: { review_deadline_date: string | null }[] = await manager.query('SELECT review_deadline_date FROM rm_notification_selections WHERE id = $1', [id]);
      const deadline = rows[0]?.review_deadline_date ?? null;
      return perExpert(event).map(([expertId, count]) => expertAssigned(event.eventId, selection, expertId, count, deadline, event.data.plannedAt));
    }
    case 'AwardsPublished': {
      const selection = await selectionRef(manager, id);
      if (!selection) return [];
      const rows: { applicant_credit_code: string }[] = await manager.query(
        'SELECT DISTINCT applicant_credit_code FROM rm_notification_dossiers WHERE selection_id = $1 AND submitted ORDER BY applicant_credit_code',
        [id],
      );
      return rows.map((row) => resultsPublished(event.eventId, selection, row.applicant_credit_code, event.data.publishedAt));
    }
    default:
      return [];
  }
}

/** New assignments of the round per expert, ordered by id; older events carried the pairs (upcast). */
function perExpert(event: SelectionEvent): [string, number][] {
  const upcast = upcastSelectionEvent(event);
  if (upcast.type !== 'ExpertReviewStarted' && upcast.type !== 'ReplacementAssignmentsPlanned') return [];
  return Object.entries(upcast.data.assignedPerExpert).sort(([a], [b]) => a.localeCompare(b));
}

async function dossierRef(manager: EntityManager, id: string): Promise<DossierRef | null> {
  const rows: { id: string; selection_id: string; applicant_credit_code: string; title: string }[] = await manager.query(
    'SELECT id, selection_id, applicant_credit_code, title FROM rm_notification_dossiers WHERE id = $1',
    [id],
  );
  return rows.length === 0 ? null : { id: rows[0].id, selectionId: rows[0].selection_id, applicantCreditCode: rows[0].applicant_credit_code, title: rows[0].title };
}

async function selectionRef(manager: EntityManager, id: string): Promise<SelectionRef | null> {
  const rows: { id: string; title: string }[] = await manager.query('SELECT id, title FROM rm_notification_selections WHERE id = $1', [id]);
  return rows[0] ?? null;
}
