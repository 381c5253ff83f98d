import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { UnitOfWorkResult } from '@app/platform';
import { Public } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { FileObjectionCommand } from './file-objection.command';
import { FileObjectionRequest } from './file-objection.request.dto';
import { ObjectionFiledResponse } from './objection-filed.response.dto';

@ApiTags('异议 objections')
@Controller('api/v1/selections/:selectionId/objections')
export class FileObjectionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Public()
  @ApiOperation({ summary: 'File an objection to a listed dossier during the notice window, under a real name (public, no token)' })
  @ApiCreatedResponse({ type: ObjectionFiledResponse })
  @ApiErrors(400, 401, 404, 409)
  async file(@Param('selectionId') selectionId: string, @Body() body: FileObjectionRequest, @Context() context: RequestContext): Promise<ObjectionFiledResponse> {
    const result: UnitOfWorkResult<string> = await this.commands.execute(new FileObjectionCommand(selectionId, body, context));
    return { objectionId: result.value };
  }
}
