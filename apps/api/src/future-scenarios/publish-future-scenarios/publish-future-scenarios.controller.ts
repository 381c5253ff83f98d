import { Body, Controller, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { futureScenariosStreamOf } from '@app/domain/future-scenarios';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { CommandAccepted, commandAccepted } from '../../http/command-response';
import { PublishFutureScenariosCommand } from './publish-future-scenarios.command';
import { PublishFutureScenariosRequest } from './publish-future-scenarios.request.dto';

@ApiTags('附件3 future scenarios')
@ApiBearerAuth()
@Controller('api/v1/future-scenarios/:year')
export class PublishFutureScenariosController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Publish the year\'s 十大未来场景 (附件3); publishing again appends a new version' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiErrors(400, 401, 403, 409, 412)
  async publish(
    @Param('year', ParseIntPipe) year: number,
    @Body() body: PublishFutureScenariosRequest,
    @Context() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commands.execute(new PublishFutureScenariosCommand(year, body.scenarios, context));
    response.setHeader('Location', `/api/v1/future-scenarios/${year}`);
    return commandAccepted(response, String(year), futureScenariosStreamOf(year), result);
  }
}
