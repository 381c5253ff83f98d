import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../../auth/access.decorators';
import { Context, RequestContext } from '../../../auth/request-context';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { DeclareConflictCommand } from './declare-conflict.command';
import { ConflictDeclaredResponse, DeclareConflictRequest } from './declare-conflict.request.dto';

@ApiTags('专家 experts')
@ApiBearerAuth()
@Controller('api/v1/experts/:expertId/conflicts')
export class DeclareConflictController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin', 'expert')
  @HttpCode(200)
  @ApiOperation({ summary: 'Declare an organisation the expert must not review (回避); recuses him where he already holds its dossiers' })
  @ApiOkResponse({ type: ConflictDeclaredResponse })
  @ApiErrors(400, 401, 403, 404, 409, 412)
  async declare(@Param('expertId') expertId: string, @Body() body: DeclareConflictRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<ConflictDeclaredResponse> {
    const declared: ConflictDeclaredResponse = await this.commands.execute(new DeclareConflictCommand(expertId, body, context));
    response.setHeader('ETag', `"${declared.revision}"`);
    return declared;
  }
}
