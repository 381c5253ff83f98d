import type { CommandContext } from '@app/platform';
import type { LoadCalendarYearRequest } from './load-calendar-year.request.dto';

export class LoadCalendarYearCommand {
  constructor(
    readonly request: LoadCalendarYearRequest,
    readonly context: CommandContext,
  ) {}
}
