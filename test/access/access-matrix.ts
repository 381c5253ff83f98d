export type Caller = 'anonymous' | 'applicant' | 'expert' | 'admin';

export interface AccessRow {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the OpenAPI document writes it, with {parameters}. */
  readonly path: string;
  /** 'public', or the signed-in roles that may call it (ownership is then checked by the handler). */
  readonly allowed: 'public' | readonly Exclude<Caller, 'anonymous'>[];
  /** A refused signed-in caller may get 404 instead of 403: the resource's existence is not theirs to know. */
  readonly confidential?: boolean;
  /** A body to send; the default is {}. */
  readonly body?: unknown;
}

/** Who may call what. A new endpoint needs a row here, or the access-matrix spec fails. */
export const ACCESS_MATRIX: readonly AccessRow[] = [
  { method: 'GET', path: '/health', allowed: 'public' },
  { method: 'POST', path: '/api/v1/auth/login', allowed: 'public' },
  { method: 'POST', path: '/api/v1/organisations', allowed: 'public' },
  { method: 'POST', path: '/api/v1/selections', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/selections', allowed: 'public' },
  { method: 'GET', path: '/api/v1/selections/{selectionId}', allowed: 'public' },
  { method: 'POST', path: '/api/v1/selections/{selectionId}/close-submissions', allowed: ['admin'] },
  { method: 'POST', path: '/api/v1/selections/{selectionId}/close-formal-review', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/calendar-years', allowed: 'public' },
  { method: 'POST', path: '/api/v1/calendar-years', allowed: ['admin'] },
  { method: 'POST', path: '/api/v1/selections/{selectionId}/public-notice', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/selections/{selectionId}/public-notice', allowed: 'public' },
  { method: 'POST', path: '/api/v1/selections/{selectionId}/objections', allowed: 'public' },
  { method: 'GET', path: '/api/v1/selections/{selectionId}/objections', allowed: ['admin'] },
  { method: 'POST', path: '/api/v1/objections/{objectionId}/resolution', allowed: ['admin'] },
  { method: 'POST', path: '/api/v1/selections/{selectionId}/awards', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/selections/{selectionId}/awards', allowed: 'public' },
  { method: 'POST', path: '/api/v1/selections/{selectionId}/awards/publish', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/selections/{selectionId}/annex', allowed: 'public' },
  { method: 'POST', path: '/api/v1/future-scenarios/{year}', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/future-scenarios/{year}', allowed: 'public' },
  { method: 'GET', path: '/api/v1/future-scenarios/{year}/annex', allowed: 'public' },
  { method: 'GET', path: '/api/v1/streams/{streamId}/events', allowed: ['admin'] },
  { method: 'POST', path: '/api/v1/experts', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/experts', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/experts/{expertId}', allowed: ['admin', 'expert'], confidential: true },
  { method: 'POST', path: '/api/v1/experts/{expertId}/conflicts', allowed: ['admin', 'expert'] },
  { method: 'POST', path: '/api/v1/experts/{expertId}/deactivate', allowed: ['admin'] },
  { method: 'POST', path: '/api/v1/selections/{selectionId}/assignments', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/selections/{selectionId}/assignments', allowed: ['admin'] },
  { method: 'POST', path: '/api/v1/selections/{selectionId}/assignments/replacements', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/selections/{selectionId}/review-progress', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/me/assignments', allowed: ['expert'] },
  { method: 'PUT', path: '/api/v1/dossiers/{dossierId}/reviews/mine', allowed: ['expert'], confidential: true },
  { method: 'GET', path: '/api/v1/dossiers/{dossierId}/reviews/mine', allowed: ['expert'], confidential: true },
  { method: 'POST', path: '/api/v1/dossiers/{dossierId}/recusal', allowed: ['expert'], confidential: true },
  { method: 'POST', path: '/api/v1/selections/{selectionId}/close-review', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/selections/{selectionId}/shortlist', allowed: 'public' },
  { method: 'GET', path: '/api/v1/selections/{selectionId}/scoreboard', allowed: ['admin'] },
  { method: 'POST', path: '/api/v1/selections/{selectionId}/dossiers', allowed: ['applicant'] },
  { method: 'GET', path: '/api/v1/selections/{selectionId}/dossiers', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/dossiers/{dossierId}', allowed: ['applicant', 'expert', 'admin'], confidential: true },
  { method: 'PATCH', path: '/api/v1/dossiers/{dossierId}', allowed: ['applicant'], confidential: true },
  { method: 'GET', path: '/api/v1/me/dossiers', allowed: ['applicant'] },
  { method: 'GET', path: '/api/v1/organisations/{creditCode}/history', allowed: ['applicant', 'admin'], confidential: true },
  { method: 'POST', path: '/api/v1/dossiers/{dossierId}/attachments', allowed: ['applicant'], confidential: true },
  { method: 'GET', path: '/api/v1/dossiers/{dossierId}/attachments/{attachmentId}', allowed: ['applicant', 'expert', 'admin'], confidential: true },
  { method: 'DELETE', path: '/api/v1/dossiers/{dossierId}/attachments/{attachmentId}', allowed: ['applicant'], confidential: true },
  { method: 'POST', path: '/api/v1/dossiers/{dossierId}/submit', allowed: ['applicant'], confidential: true },
  { method: 'POST', path: '/api/v1/dossiers/{dossierId}/withdraw', allowed: ['applicant'], confidential: true },
  { method: 'POST', path: '/api/v1/dossiers/{dossierId}/formal-review', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/me/notifications', allowed: ['applicant', 'expert', 'admin'] },
  { method: 'POST', path: '/api/v1/me/notifications/{notificationId}/read', allowed: ['applicant', 'expert', 'admin'] },
  { method: 'GET', path: '/api/v1/me/notification-address', allowed: ['applicant', 'expert', 'admin'] },
  { method: 'PUT', path: '/api/v1/me/notification-address', allowed: ['applicant', 'expert', 'admin'], body: { email: null } },
  { method: 'GET', path: '/api/v1/selections/{selectionId}/score-sheets', allowed: ['admin'] },
  { method: 'GET', path: '/api/v1/selections/{selectionId}/score-sheets/{expertId}', allowed: ['admin'] },
];
