import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../../auth/access.decorators';
import { Context, RequestContext } from '../../../auth/request-context';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { RegisterExpertCommand } from './register-expert.command';
import { RegisterExpertRequest, RegisteredExpertResponse } from './register-expert.request.dto';

@ApiTags('专家 experts')
@ApiBearerAuth()
@Controller('api/v1/experts')
export class RegisterExpertController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Register an expert in the pool and create the expert\'s sign-in account' })
  @ApiCreatedResponse({ type: RegisteredExpertResponse })
  @ApiErrors(400, 401, 403, 409)
  async register(@Body() body: RegisterExpertRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<RegisteredExpertResponse> {
    const registered: RegisteredExpertResponse = await this.commands.execute(new RegisterExpertCommand(body, context));
    response.setHeader('Location', `/api/v1/experts/${registered.expertId}`);
    response.setHeader('ETag', `"${registered.revision}"`);
    return registered;
  }
}
