import type { Request, Response } from 'express';
import type { TokenClaims } from '../auth/actor';
import { claimsOf } from './portal-session';

/**
 * Portal pages are @Public() so that a visitor without a session gets the sign-in page rather than a
 * JSON 401; this sends them there, and answers 403 in words for a signed-in account of another role.
 */
export function signedInAs(request: Request, response: Response, role: TokenClaims['role']): TokenClaims | null {
  const claims = claimsOf(request);
  if (!claims) {
    response.redirect(303, `/login?next=${encodeURIComponent(request.originalUrl)}`);
    return null;
  }
  if (claims.role !== role) {
    response.status(403).type('text/plain; charset=utf-8').send('此页面仅供其他角色使用,请使用相应账户登录。');
    return null;
  }
  return claims;
}
