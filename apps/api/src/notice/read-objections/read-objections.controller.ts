import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorators';
import { ApiErrors } from '../../http/api-errors.decorator';
import { ReviewOutcomeReadModel, SelectionReadModel } from '@app/read-models';
import { ObjectionResponse } from './objection.response.dto';
import { ExportableAs } from '../../exports/export-format.interceptor';

@ApiTags('异议 objections')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId/objections')
export class ReadObjectionsController {
  constructor(
    private readonly selections: SelectionReadModel,
    private readonly outcomes: ReviewOutcomeReadModel,
  ) {}

  @Get()
  @ExportableAs('objections')
  @Roles('admin')
  @ApiOperation({ summary: "Every objection of the selection with the objector's contact and its status (admin)" })
  @ApiOkResponse({ type: [ObjectionResponse] })
  @ApiErrors(401, 403, 404)
  async list(@Param('selectionId') selectionId: string): Promise<ObjectionResponse[]> {
    await this.selections.require(selectionId); // 404 for an unknown selection
    return (await this.outcomes.objections({ selectionId })).map((objection) => ({
      objectionId: objection.objectionId,
      dossierId: objection.dossierId,
      projectTitle: objection.dossierTitle,
      applicantCreditCode: objection.applicantCreditCode,
      objector: { ...objection.objector },
      reason: objection.reason,
      filedAt: objection.filedAt,
      status: objection.status,
      finding: objection.finding,
    }));
  }
}
