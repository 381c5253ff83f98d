import { Body, Controller, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { CommandAccepted, commandAccepted } from '../../http/command-response';
import { dossierStreamOf } from '../shared/dossier-stream';
import { DefenceCommand } from './defence.command';
import { DefenceAttendanceRequest, DefenceSlotRequest } from './defence.request.dto';

/** 答辩/现场考察 in a panel stage: the slot (the applicant is notified) and the attendance. */
@ApiTags('专家评审 reviews')
@ApiBearerAuth()
@Controller('api/v1/dossiers/:dossierId/defence')
export class DefenceController {
  constructor(private readonly commands: CommandBus) {}

  @Put()
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Schedule (or move) the dossier\'s defence or site visit: date, time, place or link, order; the applicant is notified' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  async schedule(@Param('dossierId') dossierId: string, @Body() body: DefenceSlotRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<CommandAccepted> {
    const result = await this.commands.execute(new DefenceCommand(dossierId, { kind: 'schedule', slot: body }, context));
    return commandAccepted(response, dossierId, dossierStreamOf(dossierId), result);
  }

  @Post('attendance')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record whether the applicant attended its defence (once); a no-show counts as the call says' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  async attendance(@Param('dossierId') dossierId: string, @Body() body: DefenceAttendanceRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<CommandAccepted> {
    const result = await this.commands.execute(new DefenceCommand(dossierId, { kind: 'attendance', attendance: body }, context));
    return commandAccepted(response, dossierId, dossierStreamOf(dossierId), result);
  }
}
