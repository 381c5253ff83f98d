import { Injectable, NestMiddleware } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, Response } from 'express';
import { SESSION_COOKIE } from '../auth/jwt.strategy';
import { clearSession, cookieOf } from './portal-session';

/**
 * On portal pages an expired or forged session cookie would make the access guard answer a JSON 401;
 * a person should instead land on the page signed out. So the cookie is dropped from the request
 * (and from the browser) before the guard sees it. API routes keep the guard's 401.
 */
@Injectable()
export class StaleSessionMiddleware implements NestMiddleware {
  constructor(private readonly jwt: JwtService) {}

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    const token = cookieOf(request, SESSION_COOKIE);
    if (token && !request.originalUrl.startsWith('/api/')) {
      try {
        await this.jwt.verifyAsync(token);
      } catch {
        request.headers.cookie = (request.headers.cookie ?? '')
          .split(/;\s*/)
          .filter((part) => !part.startsWith(`${SESSION_COOKIE}=`))
          .join('; ');
        clearSession(response);
      }
    }
    next();
  }
}
