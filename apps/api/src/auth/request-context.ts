import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { CommandContext } from '@app/platform';
import type { CommandMetadata } from '@app/domain/shared/command-metadata';
import type { StampedRequest } from '../http/request-stamp.middleware';
import { ANONYMOUS, TokenClaims, actorFromClaims } from './actor';

/**
 * Who asks, when, under which correlation id, and which revision they last saw (If-Match).
 * A class, not an interface, because controllers receive it as a decorated parameter and its
 * decorator metadata must name a value that exists at run time.
 */
export class RequestContext implements CommandContext {
  constructor(
    readonly metadata: CommandMetadata,
    readonly correlationId: string,
    readonly ifMatch?: bigint,
  ) {}
}

export function requestContextOf(request: Request): RequestContext {
  const claims = request.user as TokenClaims | undefined;
  return new RequestContext(
    { now: (request as StampedRequest).receivedAt ?? new Date().toISOString(), actor: claims ? actorFromClaims(claims) : ANONYMOUS },
    String(request.headers['x-request-id']),
    parseIfMatch(request.headers['if-match']),
  );
}

/** ETags are stream revisions: `"3"` (or W/"3"). */
export function parseIfMatch(header: string | string[] | undefined): bigint | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(value);
  if (!match) throw new BadRequestException(`If-Match must be a revision ETag such as "3", got ${value}`);
  return BigInt(match[1]);
}

export const Context = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  requestContextOf(context.switchToHttp().getRequest<Request>()),
);
