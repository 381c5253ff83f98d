import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBody } from './error-body';

const DESCRIPTIONS: Record<number, string> = {
  400: 'invalid input: field reasons in details',
  401: 'no valid token',
  403: 'the role or the organisation may not do this',
  404: 'no such resource (or not visible to you)',
  409: 'not allowed in the current state: the domain reason in message, its code in details',
  412: 'If-Match names a revision the resource has moved past',
  413: 'body or upload too large',
};

/** Documents the error responses of an endpoint, all with the one error body. */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorBody })));
}
