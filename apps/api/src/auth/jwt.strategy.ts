import { createSecretKey } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Request } from 'express';
import { JWT_SECRET } from './auth.tokens';
import type { TokenClaims } from './actor';
import { AccountCheck } from './account-check';

export const SESSION_COOKIE = 'ai_plus_session';

/** The session cookie as the request carries it now (the portal may have dropped a stale one). */
export function sessionCookieOf(request: Request): string | undefined {
  const cookie = request.headers.cookie;
  if (!cookie) return undefined;
  const match = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(cookie);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

/** Bearer header for API clients; the httpOnly session cookie for the portal. */
function fromSessionCookie(request: Request): string | null {
  return sessionCookieOf(request) ?? null;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(JWT_SECRET) secret: string,
    private readonly accounts: AccountCheck,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromExtractors([ExtractJwt.fromAuthHeaderAsBearerToken(), fromSessionCookie]),
      ignoreExpiration: false,
      // A key object, not the string: given a string, jsonwebtoken first tries it as a PEM public key on
      // every request (createPublicKey throws, ~1 ms of CPU) before taking it as the HMAC secret. Its
      // verify takes a KeyObject; the passport-jwt typings only list string and Buffer.
      secretOrKey: createSecretKey(Buffer.from(secret)) as unknown as Buffer,
      algorithms: ['HS256'],
    });
  }

  /** A correctly signed token is not enough: its account must exist, be active, and not have been signed out since. */
  async validate(claims: TokenClaims): Promise<TokenClaims> {
    if (!(await this.accounts.isCurrent(claims))) {
      throw new UnauthorizedException('this session has ended (signed out everywhere, password reset or account disabled); sign in again');
    }
    return claims;
  }
}
