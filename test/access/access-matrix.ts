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

const SIGNED_IN = ['applicant', 'expert', 'admin'] as const;

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
  { method: 'GET', path: '/api/v1/streams/{streamId}/events', allowed: ['admin'] },
];
void SIGNED_IN;
