import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { refuse } from '@app/domain/shared/refusal';
import { Roles } from '../../../auth/access.decorators';
import { Context, RequestContext } from '../../../auth/request-context';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { withEtag } from '../../../http/command-response';
import { StreamDirectory } from '../../../workflow/stream-directory';
import { ExpertReadModel } from '@app/read-models';
import { ExpertResponse, expertResponseOf } from './expert.response.dto';

@ApiTags('专家 experts')
@ApiBearerAuth()
@Controller('api/v1/experts')
export class ReadExpertsController {
  constructor(
    private readonly directory: StreamDirectory,
    private readonly expertRows: ExpertReadModel,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'The expert pool, with each expert\'s declared conflicts and status' })
  @ApiOkResponse({ type: [ExpertResponse] })
  @ApiErrors(401, 403)
  async list(): Promise<ExpertResponse[]> {
    return (await this.expertRows.all()).map(expertResponseOf);
  }

  @Get(':expertId')
  @Roles('admin', 'expert')
  @ApiOperation({ summary: 'One expert (an administrator, or the expert himself)' })
  @ApiOkResponse({ type: ExpertResponse })
  @ApiErrors(401, 403, 404)
  async one(@Param('expertId') expertId: string, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<ExpertResponse> {
    const { actor } = context.metadata;
    if (actor.role === 'expert' && actor.expertId !== expertId) {
      // Another expert's record is not his to know of, not even whether it exists.
      throw refuse('expert-not-found', `there is no expert "${expertId}" you may read`, 'not-found');
    }
    const expert = await this.directory.expert(expertId);
    return withEtag(response, expert.revision, expertResponseOf(expert.value));
  }
}
