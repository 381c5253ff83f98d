import type { Request, Response } from 'express';
import type { TokenClaims } from '../auth/actor';
import { CSRF_COOKIE, CSRF_FIELD, csrfProtectionOf } from '../auth/csrf-protection';
import { SESSION_COOKIE } from '../auth/jwt.strategy';
import { roleName } from './portal-views';
import type { PageChrome } from './portal-views';

export { CSRF_COOKIE, CSRF_FIELD };

export function cookieOf(request: Request, name: string): string | undefined {
  const match = new RegExp(`(?:^|;\\s*)${name}=([^;]+)`).exec(request.headers.cookie ?? '');
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

/**
 * The form token of this page (csrf-csrf's signed double-submit cookie, bound to the session; see
 * CsrfProtection). Every portal form sends it back as the hidden field `_csrf`.
 */
export function csrfTokenFor(request: Request, response: Response): string {
  const protection = csrfProtectionOf(request);
  if (!protection) throw new Error('CsrfProtection middleware is not mounted (createApp mounts it)');
  return protection.tokenFor(request, response);
}

export function csrfIsValid(request: Request, field: unknown): boolean {
  return typeof field === 'string' && field.length > 0 && (csrfProtectionOf(request)?.isValid(request, field) ?? false);
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

/**
 * HttpOnly, SameSite=Lax (a link from elsewhere still lands signed in; a cross-site form does not carry
 * it), and Secure whenever the request came over HTTPS (behind a proxy: TRUST_PROXY).
 */
export function setSession(request: Request, response: Response, token: string): void {
  response.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: request.secure });
  csrfProtectionOf(request)?.renewFor(request, response, token);
}

export function clearSession(response: Response): void {
  response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/' });
}
