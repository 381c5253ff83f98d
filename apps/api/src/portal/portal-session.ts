import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { TokenClaims } from '../auth/actor';
import { SESSION_COOKIE } from '../auth/jwt.strategy';
import { roleName } from './portal-views';
import type { PageChrome } from './portal-views';

export const CSRF_COOKIE = 'ai_plus_csrf';
export const CSRF_FIELD = '_csrf';

export function cookieOf(request: Request, name: string): string | undefined {
  const match = new RegExp(`(?:^|;\\s*)${name}=([^;]+)`).exec(request.headers.cookie ?? '');
  return match ? decodeURIComponent(match[1]) : undefined;
}

/**
 * Double-submit CSRF token: a random value in a cookie that another site cannot read, repeated in a
 * hidden field; a forged form carries the cookie but cannot know the field.
 */
export function csrfTokenFor(request: Request, response: Response): string {
  const existing = cookieOf(request, CSRF_COOKIE);
  if (existing && /^[0-9a-f]{64}$/.test(existing)) return existing;
  const token = randomBytes(32).toString('hex');
  response.cookie(CSRF_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/' });
  // Later reads in this request see the same token.
  request.headers.cookie = `${request.headers.cookie ? `${request.headers.cookie}; ` : ''}${CSRF_COOKIE}=${token}`;
  return token;
}

export function csrfIsValid(request: Request, field: unknown): boolean {
  const cookie = cookieOf(request, CSRF_COOKIE);
  if (!cookie || typeof field !== 'string' || field.length !== cookie.length) return false;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(field));
}

export function claimsOf(request: Request): TokenClaims | undefined {
  return request.user as TokenClaims | undefined;
}

export function chromeOf(request: Request, response: Response, title: string): PageChrome {
  const claims = claimsOf(request);
  return {
    title,
    csrf: csrfTokenFor(request, response),
    ...(claims ? { user: { name: claims.name, role: claims.role, roleName: roleName(claims.role) } } : {}),
  };
}

/** Secure whenever the request came over HTTPS (behind a proxy that says so, with trust proxy set). */
export function setSession(request: Request, response: Response, token: string): void {
  response.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: request.secure });
}

export function clearSession(response: Response): void {
  response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/' });
}
