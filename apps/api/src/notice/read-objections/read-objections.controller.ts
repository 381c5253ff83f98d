import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorators';
import { ApiErrors } from '../../http/api-errors.decorator';
import { StreamDirectory } from '../../workflow/stream-directory';
import { NoticeReads } from '../shared/notice-reads';
import { ObjectionResponse } from './objection.response.dto';

@ApiTags('异议 objections')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId/objections')
export class ReadObjectionsController {
  constructor(
    private readonly directory: StreamDirectory,
    private readonly reads: NoticeReads,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: "Every objection of the selection with the objector's contact and its status (admin)" })
  @ApiOkResponse({ type: [ObjectionResponse] })
  @ApiErrors(401, 403, 404)
  async list(@Param('selectionId') selectionId: string): Promise<ObjectionResponse[]> {
    await this.directory.selection(selectionId); // 404 for an unknown selection
    const dossiers = await this.reads.dossiersOf(selectionId);
    return dossiers
      .flatMap((dossier) =>
        dossier.objections.map((objection) => ({
          objectionId: objection.objectionId,
          dossierId: dossier.dossierId,
          projectTitle: dossier.title,
          applicantCreditCode: dossier.applicantCreditCode,
          objector: { ...objection.objector },
          reason: objection.reason,
          filedAt: objection.filedAt,
          status: objection.status,
          finding: objection.finding,
        })),
      )
      .sort((a, b) => a.filedAt.localeCompare(b.filedAt));
  }
}
