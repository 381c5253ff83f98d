import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { selectionStreamOf } from '@app/domain/selection';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { CommandAccepted, commandAccepted } from '../../http/command-response';
import { OpenSelectionCommand } from './open-selection.command';
import { OpenSelectionRequest } from './open-selection.request.dto';

@ApiTags('评选 selections')
@ApiBearerAuth()
@Controller('api/v1/selections')
export class OpenSelectionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Open a year\'s call of a programme, with its rules and any overrides' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiErrors(400, 401, 403, 409)
  async open(@Body() body: OpenSelectionRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<CommandAccepted> {
    const result = await this.commands.execute(new OpenSelectionCommand(body, context));
    response.setHeader('Location', `/api/v1/selections/${result.value}`);
    return commandAccepted(response, result.value, selectionStreamOf(result.value), result);
  }
}
