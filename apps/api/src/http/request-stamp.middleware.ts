import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CLOCK } from '@app/platform';
import type { Clock } from '@app/platform';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export interface StampedRequest extends Request {
  /** When the request arrived, by the app's clock: the `now` of every command it carries. */
  receivedAt?: string;
}

/**
 * Stamps each request with its correlation id (the client's X-Request-Id when sane, else a new one,
 * echoed back) and with the time it arrived.
 */
@Injectable()
export class RequestStampMiddleware implements NestMiddleware {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  use(request: StampedRequest, response: Response, next: NextFunction): void {
    const offered = request.headers['x-request-id'];
    const id = typeof offered === 'string' && SAFE_ID.test(offered) ? offered : randomUUID();
    request.headers['x-request-id'] = id;
    request.receivedAt = this.clock.now();
    response.setHeader('X-Request-Id', id);
    next();
  }
}
