import { Inject, Injectable } from '@nestjs/common';
import { refuse } from '@app/domain/shared/refusal';
import { messageForPeople } from '@app/domain/shared/refusal-messages';
import { doubleCsrf } from 'csrf-csrf';
import type { DoubleCsrfUtilities } from 'csrf-csrf';
import { createHmac } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { JWT_SECRET } from './auth.tokens';
import { SESSION_COOKIE, sessionCookieOf } from './jwt.strategy';

export const CSRF_COOKIE = 'ai_plus_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CSRF_REFUSAL =
  'a request signed in by the session cookie needs an X-CSRF-Token header (or _csrf field) and must come from this site; API clients send "Authorization: Bearer <token>" instead';

/** Where the request keeps the protection, so plain functions of the portal can reach it. */
const ON_REQUEST = Symbol('csrf-protection');
/** The token a portal controller read from its form, handed to the library's retriever. */
const OFFERED = Symbol('csrf-offered');
/** The session a token is being made for when it is not yet in the request's cookie (at sign-in). */
const FOR_SESSION = Symbol('csrf-for-session');

/** Set on a cookie-authenticated multipart upload: its token is in the body, read after the upload parser. */
const TOKEN_DEFERRED = Symbol('csrf-token-deferred');

/** The multipart endpoints (dossier attachments, fund documents), whose controllers check the token themselves (see assertDeferredToken). */
const UPLOAD_ROUTES = [/^\/api\/v1\/dossiers\/[^/]+\/attachments\/?$/, /^\/api\/v1\/fund-documents\/?$/];

type CsrfRequest = Request & { [ON_REQUEST]?: CsrfProtection; [OFFERED]?: unknown; [FOR_SESSION]?: string; [TOKEN_DEFERRED]?: boolean };

/**
 * CSRF defence for the two clients of the one app, with csrf-csrf's signed double-submit cookie: the
 * token is an HMAC, under a key derived from the JWT secret, of a random value and the session it was
 * made for, so a token taken from another session (or made before signing in) is worthless.
 *
 * - The JSON API: a state-changing request that authenticates with `Authorization: Bearer` is not
 *   exposed (a browser never adds that header by itself). One that relies on the session cookie is
 *   accepted only with a valid token (`X-CSRF-Token` header or `_csrf` field) and a same-origin
 *   `Origin` or `Sec-Fetch-Site: same-origin`; anything else is 403.
 * - Portal pages: every form carries `_csrf` (checked by its controller through csrfIsValid), and a
 *   state-changing request whose browser says it comes from another origin is 403 before any controller.
 */
@Injectable()
export class CsrfProtection {
  private readonly csrf: DoubleCsrfUtilities;

  constructor(@Inject(JWT_SECRET) jwtSecret: string) {
    const secret = createHmac('sha256', jwtSecret).update('ai-plus csrf tokens').digest('hex');
    this.csrf = doubleCsrf({
      getSecret: () => secret,
      getSessionIdentifier: (request) => (request as CsrfRequest)[FOR_SESSION] ?? sessionCookieOf(request) ?? '',
      cookieName: CSRF_COOKIE,
      cookieOptions: { sameSite: 'lax', path: '/', httpOnly: true, secure: false },
      getCsrfTokenFromRequest: (request) => {
        const offered = (request as CsrfRequest)[OFFERED];
        if (typeof offered === 'string') return offered;
        const header = request.headers[CSRF_HEADER];
        if (typeof header === 'string') return header;
        const field = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
        return typeof field === 'string' ? field : undefined;
      },
    });
  }

  /** The token for this request's page (the cookie is set, or kept when it is still valid). */
  tokenFor(request: Request, response: Response): string {
    const token = this.csrf.generateCsrfToken(request, response, { cookieOptions: { secure: request.secure } });
    // Later reads in this request (several forms on one page) see the same token.
    request.cookies = { ...(request.cookies ?? {}), [CSRF_COOKIE]: token };
    return token;
  }

  /**
   * At sign-in: a fresh token bound to the new session, set with the session cookie, so the pages that
   * follow use it (and no token made before signing in stays valid).
   */
  renewFor(request: Request, response: Response, session: string): void {
    const csrfRequest = request as CsrfRequest;
    csrfRequest[FOR_SESSION] = session;
    try {
      this.csrf.generateCsrfToken(request, response, { overwrite: true, cookieOptions: { secure: request.secure } });
    } finally {
      delete csrfRequest[FOR_SESSION];
    }
  }

  /** Whether `offered` (a form's `_csrf`) or else the request's header or body field is valid. */
  isValid(request: Request, offered?: unknown): boolean {
    const csrfRequest = request as CsrfRequest;
    csrfRequest[OFFERED] = offered;
    try {
      return this.csrf.validateRequest(request);
    } finally {
      delete csrfRequest[OFFERED];
    }
  }

  /**
   * For the upload endpoint, whose multipart body the middleware cannot read: once the parser has run,
   * a cookie-authenticated upload must carry the `_csrf` field (403 otherwise; the caller removes the file).
   */
  assertDeferredToken(request: Request, field: unknown): void {
    if ((request as CsrfRequest)[TOKEN_DEFERRED] && !(typeof field === 'string' && this.isValid(request, field))) {
      throw refuse('csrf', CSRF_REFUSAL, 'forbidden');
    }
  }

  /** Express middleware, mounted before every route (see createApp). */
  middleware() {
    return (request: Request, response: Response, next: NextFunction): void => {
      (request as CsrfRequest)[ON_REQUEST] = this;
      if (SAFE_METHODS.has(request.method)) return next();
      if (request.path.startsWith('/api/')) {
        const cookieOnly = !request.headers.authorization && sessionCookieOf(request) !== undefined;
        const deferred = cookieOnly && request.method === 'POST' && UPLOAD_ROUTES.some((route) => route.test(request.path)) && request.is('multipart/form-data') !== false;
        if (deferred && comesFromThisOrigin(request)) {
          (request as CsrfRequest)[TOKEN_DEFERRED] = true;
          return next();
        }
        if (cookieOnly && !(comesFromThisOrigin(request) && this.isValid(request))) {
          return void response.status(403).json({
            statusCode: 403,
            error: 'Forbidden',
            message: messageForPeople('csrf', CSRF_REFUSAL),
            details: { code: 'csrf', reason: CSRF_REFUSAL },
          });
        }
      } else if (comesFromElsewhere(request)) {
        return void response.status(403).type('text/plain; charset=utf-8').send('此请求来自其他网站,已拒绝。请在本站页面上重新操作。');
      }
      next();
    };
  }
}

/** The protection this request was given by the middleware (absent only in a unit test without it). */
export function csrfProtectionOf(request: Request): CsrfProtection | undefined {
  return (request as CsrfRequest)[ON_REQUEST];
}

/** Positive evidence that a browser sent this from a page of this site. */
function comesFromThisOrigin(request: Request): boolean {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') return originHost(origin) === request.host;
  return request.headers['sec-fetch-site'] === 'same-origin';
}

/** The browser says it comes from another origin (a client that sends neither header is not a browser page). */
function comesFromElsewhere(request: Request): boolean {
  const origin = request.headers.origin;
  if (typeof origin === 'string') return origin === 'null' || originHost(origin) !== request.host;
  const site = request.headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

export { SESSION_COOKIE };
