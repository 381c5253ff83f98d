import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { CommandAccepted, commandAccepted } from '../../http/command-response';
import { calendarStreamOf } from '../shared/calendar-year.stream';
import { NoticeReads } from '../shared/notice-reads';
import { CalendarYearResponse } from './calendar-year.response.dto';
import { LoadCalendarYearCommand } from './load-calendar-year.command';
import { LoadCalendarYearRequest } from './load-calendar-year.request.dto';

@ApiTags('工作日历 calendar years')
@Controller('api/v1/calendar-years')
export class CalendarYearsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reads: NoticeReads,
  ) {}

  @Post()
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Load a later year's holiday notice (holidays and 调休 make-up days), so notices may run into it" })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiErrors(400, 401, 403, 409)
  async load(@Body() body: LoadCalendarYearRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<CommandAccepted> {
    const result = await this.commands.execute(new LoadCalendarYearCommand(body, context));
    response.setHeader('Location', '/api/v1/calendar-years');
    return commandAccepted(response, String(result.value), calendarStreamOf(result.value), result);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'The years the working-day calendar knows (public)' })
  @ApiOkResponse({ type: [CalendarYearResponse] })
  @ApiErrors(401)
  async list(): Promise<CalendarYearResponse[]> {
    return (await this.reads.calendarYears()).map(({ year, origin }) => ({
      year: year.year,
      source: year.source,
      origin,
      holidays: [...year.holidays],
      makeUpWorkdays: [...year.makeUpWorkdays],
    }));
  }
}
