import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { parsePosition } from '@app/event-store';
import type { HistoryCut } from '@app/event-store';
import { RequestValidationError } from './validation';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * `?asOf=<ISO instant with its offset>` or `?position=<commit>/<prepare>` (time travel): null when
 * neither is given; 400 with the field's reason when malformed, repeated or both are given.
 */
export function historyCutOf(asOf: unknown, position: unknown): HistoryCut | null {
  if (asOf !== undefined && position !== undefined) {
    throw new RequestValidationError([{ field: 'asOf', reasons: ['give asOf or position, not both'], message: '时间点(asOf)和历史位置(position)只能给出一个,请去掉其中之一。' }]);
  }
  if (asOf !== undefined) {
    const instant = typeof asOf === 'string' && INSTANT.test(asOf) ? Date.parse(asOf) : Number.NaN;
    if (Number.isNaN(instant)) {
      throw new RequestValidationError([{ field: 'asOf', reasons: ['asOf must be an instant with its offset, e.g. 2026-06-01T12:00:00+08:00'], message: '时间点(asOf)应写成带时区的时刻,例如 2026-06-01T12:00:00+08:00。' }]);
    }
    return { asOf: instant };
  }
  if (position !== undefined) {
    try {
      if (typeof position !== 'string') throw new RangeError('repeated');
      return { position: parsePosition(position) };
    } catch {
      throw new RequestValidationError([{ field: 'position', reasons: ['position must be a global position <commit>/<prepare>, e.g. 1234/56'], message: '历史位置(position)应写成“提交号/序号”,例如 1234/56。' }]);
    }
  }
  return null;
}

/** Documents ?asOf and ?position on a read that can travel in time. */
export function ApiHistoryCut(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'asOf',
      required: false,
      description: 'read as it stood at this instant (events whose command time is at or before it), folded from the streams, e.g. 2026-06-01T12:00:00+08:00',
    }),
    ApiQuery({ name: 'position', required: false, description: 'read as it stood at this global position (commit/prepare), e.g. 1234/56' }),
  );
}
