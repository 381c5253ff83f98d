import { ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request, Response } from 'express';
import type { AccountRole } from './account.entity';
import { PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import type { TokenClaims } from './actor';
import { SESSION_COOKIE } from './jwt.strategy';

/**
 * Every route needs a valid token unless marked @Public(); @Roles() narrows it further. A token that is
 * sent must be valid even on a public route, so a client learns at once that its session expired.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const request = context.switchToHttp().getRequest<Request>();
    const hasToken = Boolean(request.headers.authorization) || /ai_plus_session=/.test(request.headers.cookie ?? '');
    if (isPublic && !hasToken) return true;
    if (isPublic && !request.path.startsWith('/api/')) {
      // A portal page: an ended or forged session shows the page signed out rather than a JSON 401.
      try {
        await (super.canActivate(context) as Promise<boolean>);
      } catch {
        request.user = undefined;
        dropSessionCookie(request, context.switchToHttp().getResponse<Response>());
      }
      return true;
    }
    await (super.canActivate(context) as Promise<boolean>);
    const roles = this.reflector.getAllAndOverride<AccountRole[] | undefined>(ROLES_KEY, targets);
    const claims = request.user as TokenClaims;
    if (!isPublic && roles && !roles.includes(claims.role)) {
      throw new ForbiddenException(`this action is for ${roles.join(' or ')} accounts; you are signed in as ${claims.role}`);
    }
    return true;
  }

  override handleRequest<T>(error: unknown, user: T, info: unknown): T {
    if (error instanceof UnauthorizedException) throw error;
    if (error || !user) {
      const reason = info instanceof Error ? info.message : 'no valid token';
      throw new UnauthorizedException(
        reason === 'jwt expired'
          ? 'your session has expired; sign in again'
          : `sign in first (POST /api/v1/auth/login) and send the token as "Authorization: Bearer <token>" (${reason})`,
      );
    }
    return user;
  }
}

function dropSessionCookie(request: Request, response: Response): void {
  request.headers.cookie = (request.headers.cookie ?? '')
    .split(/;\s*/)
    .filter((part) => !part.startsWith(`${SESSION_COOKIE}=`))
    .join('; ');
  response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/' });
}
