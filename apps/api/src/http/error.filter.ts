import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ConcurrencyError, IdempotencyConflictError } from '@app/event-store';
import { DomainRefusal } from '@app/domain/shared/refusal';
import { messageForPeople, REFUSAL_MESSAGES } from '@app/domain/shared/refusal-messages';
import { ErrorBody } from './error-body';
import { RequestValidationError } from './validation';
import { databaseRefusal } from './database-refusal';
import { BAD_INPUT_MESSAGES, httpMessageInChinese } from './http-messages-zh';
import { BadInputError } from './input-guard';
import { TooManyAttemptsError } from '../auth/sign-in-throttle';
import { StaleRevisionError } from '@app/platform';

const REFUSAL_STATUS = { conflict: 409, invalid: 400, forbidden: 403, 'not-found': 404 } as const;

/** Errors the body parser raises before any controller runs. */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  expose?: boolean;
  message?: string;
}

/**
 * The one place where errors become responses: every error has the same body, a person can act on its
 * message, and no stack trace leaves the server.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const body = this.toBody(exception, request);
    if (body.statusCode >= 500) {
      this.logger.error(`${request.method} ${request.originalUrl} failed (request ${request.headers['x-request-id'] ?? '-'})`, exception instanceof Error ? exception.stack : String(exception));
    }
    if (response.headersSent) return;
    if (exception instanceof TooManyAttemptsError) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request): ErrorBody {
    if (exception instanceof RequestValidationError) {
      return errorBody(400, exception.messageInChinese, exception.problems);
    }
    if (exception instanceof DomainRefusal) {
      return errorBody(REFUSAL_STATUS[exception.kind], messageForPeople(exception.code, exception.message), { code: exception.code, reason: exception.message, ...exception.details });
    }
    if (exception instanceof StaleRevisionError) {
      return forPeople(412, exception.message, { currentRevision: exception.currentRevision });
    }
    if (exception instanceof ConcurrencyError) {
      return coded(409, { code: 'concurrent-change' }, `${exception.message}; someone changed it at the same time`);
    }
    if (exception instanceof IdempotencyConflictError) {
      return coded(409, { code: 'idempotency-conflict' }, exception.message);
    }
    if (exception instanceof BadInputError) {
      return coded(400, { code: exception.code }, exception.message);
    }
    if (exception instanceof QueryFailedError) {
      const refusal = databaseRefusal(exception);
      if (refusal) return coded(refusal.status, { code: refusal.code }, refusal.message);
    }
    // Nest wraps body-parser's errors in an HttpException whose cause is the original.
    const parser = ((exception as { cause?: unknown })?.cause ?? exception) as BodyParserError;
    if (parser?.type === 'entity.verify.failed' && parser.message) {
      return forPeople(400, parser.message, { code: (parser as { code?: string }).code ?? 'bad-input' });
    }
    if (parser?.type === 'entity.parse.failed') {
      return forPeople(400, 'the request body is not valid JSON');
    }
    if (parser?.type === 'entity.too.large') {
      return forPeople(413, `the request body is larger than the limit of ${parser.limit ?? 'the server'} bytes`);
    }
    if (!(exception instanceof HttpException) && parser?.expose === true && typeof parser.status === 'number' && parser.status >= 400 && parser.status < 500) {
      // http-errors raised by Express or a body parser for the client's input (a malformed %-escape, a bad charset).
      return forPeople(parser.status, `the request could not be read: ${parser.message ?? 'malformed'}`);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray((response as { message?: unknown }).message)
            ? ((response as { message: string[] }).message).join('; ')
            : String((response as { message?: unknown }).message ?? exception.message);
      return forPeople(status, status === 404 && message.startsWith('Cannot ') ? `no such endpoint: ${request.method} ${request.path}` : message);
    }
    const requestId = String(request.headers['x-request-id'] ?? '-');
    return errorBody(500, `服务器处理本次请求时出错,已记录(请求编号 ${requestId})。请稍后重试;如仍失败,请把请求编号告知系统维护人员。`, {
      reason: `the server failed to handle this request; it has been logged (request ${requestId})`,
    });
  }
}

/** Chinese `message` for people; the English developer text in `details.reason` (unless it was Chinese already). */
function forPeople(statusCode: number, english: string, details: Record<string, unknown> = {}): ErrorBody {
  const message = httpMessageInChinese(statusCode, english);
  const all = message === english ? details : { ...details, reason: english };
  return errorBody(statusCode, message, Object.keys(all).length > 0 ? all : undefined);
}

/** A refusal of the HTTP layer with a stable code: the code's Chinese message (the catalogue's, else the HTTP layer's), the English in `details.reason`. */
function coded(statusCode: number, { code }: { code: string }, english: string): ErrorBody {
  return errorBody(statusCode, REFUSAL_MESSAGES[code] ?? BAD_INPUT_MESSAGES[code] ?? httpMessageInChinese(statusCode, english), { code, reason: english });
}

function errorBody(statusCode: number, message: string, details?: ErrorBody['details']): ErrorBody {
  const error = (HttpStatus[statusCode] ?? 'Error')
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
  return details === undefined ? { statusCode, error, message } : { statusCode, error, message, details };
}
