import type { NextFunction, Request, Response } from 'express';

/** Input no endpoint can take, refused before any controller runs (400 with this code and message). */
export class BadInputError extends Error {
  constructor(
    readonly code: 'malformed-path' | 'nul-character' | 'unpaired-surrogate' | 'too-deep' | 'number-out-of-range',
    message: string,
  ) {
    super(message);
    this.name = 'BadInputError';
  }
}

export interface InputGuardOptions {
  /** Deepest nesting of arrays and objects a body may have. */
  readonly maxDepth: number;
}

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whole numbers beyond this lose precision in JavaScript and overflow PostgreSQL's integers. */
export const LARGEST_NUMBER = Number.MAX_SAFE_INTEGER;

/**
 * The one check every request passes after the body parsers, whatever its endpoint: the path, the query
 * and the body hold no NUL character and no unpaired UTF-16 surrogate (PostgreSQL cannot store either),
 * a body nests at most `maxDepth` levels, and its numbers are finite and within ±2^53.
 */
export function inputGuard({ maxDepth }: InputGuardOptions) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    try {
      checkPath(request.path);
      checkValue(request.query, 'the query', maxDepth);
      if (request.body !== undefined) checkValue(request.body, 'the body', maxDepth);
      next();
    } catch (error) {
      next(error);
    }
  };
}

function checkPath(path: string): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    throw new BadInputError('malformed-path', 'the address has a malformed %-escape; check the link and try again');
  }
  checkText(decoded, 'the address');
}

function checkText(text: string, where: string): void {
  if (text.includes('\u0000')) throw new BadInputError('nul-character', `${where} contains a NUL character (\\u0000); remove it and send again`);
  if (UNPAIRED_SURROGATE.test(text)) {
    throw new BadInputError('unpaired-surrogate', `${where} contains an unpaired UTF-16 surrogate (such as \\ud800), which is not text; remove it and send again`);
  }
}

/** Iterative, so a hostile depth cannot overflow the stack on the way. */
function checkValue(root: unknown, where: string, maxDepth: number): void {
  const pending: [unknown, number][] = [[root, 0]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop() as [unknown, number];
    if (typeof value === 'string') {
      checkText(value, where);
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value) || Math.abs(value) > LARGEST_NUMBER) {
        throw new BadInputError('number-out-of-range', `${where} has the number ${value}, beyond ±${LARGEST_NUMBER}; send a smaller number`);
      }
    } else if (value !== null && typeof value === 'object') {
      if (depth >= maxDepth) throw new BadInputError('too-deep', `${where} nests deeper than ${maxDepth} levels; send a flatter document`);
      for (const [key, child] of Object.entries(value)) {
        checkText(key, where);
        pending.push([child, depth + 1]);
      }
    }
  }
}
