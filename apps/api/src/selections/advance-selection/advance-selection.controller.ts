import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { selectionStreamOf } from '@app/domain/selection';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { CommandAccepted, commandAccepted } from '../../http/command-response';
import { AdvanceSelectionCommand, SelectionStep } from './advance-selection.command';

@ApiTags('评选 selections')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId')
export class AdvanceSelectionController {
  constructor(private readonly commands: CommandBus) {}

  @Post('close-submissions')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close submissions after the deadline; formal review begins' })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiErrors(401, 403, 404, 409, 412)
  closeSubmissions(@Param('selectionId') selectionId: string, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response) {
    return this.advance(selectionId, 'close-submissions', context, response);
  }

  @Post('close-formal-review')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close formal review once every submitted dossier is decided' })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiErrors(401, 403, 404, 409, 412)
  closeFormalReview(@Param('selectionId') selectionId: string, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response) {
    return this.advance(selectionId, 'close-formal-review', context, response);
  }

  private async advance(selectionId: string, step: SelectionStep, context: RequestContext, response: Response): Promise<CommandAccepted> {
    const result = await this.commands.execute(new AdvanceSelectionCommand(selectionId, step, context));
    return commandAccepted(response, selectionId, selectionStreamOf(selectionId), result);
  }
}
