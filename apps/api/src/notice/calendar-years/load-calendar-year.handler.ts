import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { UnitOfWorkResult } from '@app/platform';
import { ProgrammeCatalogue } from '../../catalogue/programme-catalogue';
import { CommandRunner } from '../../workflow/command-runner';
import { calendarStreamOf, calendarYearDecider } from '../shared/calendar-year.stream';
import { LoadCalendarYearCommand } from './load-calendar-year.command';

@CommandHandler(LoadCalendarYearCommand)
export class LoadCalendarYearHandler implements ICommandHandler<LoadCalendarYearCommand, UnitOfWorkResult<number>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly catalogue: ProgrammeCatalogue,
  ) {}

  execute({ request, context }: LoadCalendarYearCommand): Promise<UnitOfWorkResult<number>> {
    const stream = calendarStreamOf(request.year);
    return this.runner.run('LoadCalendarYear', context, async (unit) => {
      await unit.decide(stream, calendarYearDecider, {
        type: 'LoadCalendarYear',
        data: {
          calendarYear: { year: request.year, holidays: request.holidays, makeUpWorkdays: request.makeUpWorkdays, source: request.source },
          seedYears: this.catalogue.calendarYears.map((year) => year.year),
        },
        metadata: context.metadata,
      });
      return request.year;
    }, { stream });
  }
}
