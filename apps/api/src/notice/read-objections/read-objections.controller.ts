import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { refuse } from '@app/domain/shared/refusal';
import { Roles } from '../../auth/access.decorators';
import { AttachmentFiles } from '../../dossiers/attachments/attachment-files';
import { contentDisposition } from '../../dossiers/attachments/content-disposition';
import { ApiErrors } from '../../http/api-errors.decorator';
import { ReviewOutcomeReadModel, SelectionReadModel } from '@app/read-models';
import { ObjectionResponse } from './objection.response.dto';
import { ExportableAs } from '../../exports/export-format.interceptor';

/** Where an admin downloads one evidence file of an objection. */
export function evidenceHref(selectionId: string, objectionId: string, sha256: string): string {
  return `/api/v1/selections/${encodeURIComponent(selectionId)}/objections/${encodeURIComponent(objectionId)}/evidence/${sha256}`;
}

@ApiTags('异议 objections')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId/objections')
export class ReadObjectionsController {
  constructor(
    private readonly selections: SelectionReadModel,
    private readonly outcomes: ReviewOutcomeReadModel,
    private readonly files: AttachmentFiles,
  ) {}

  @Get()
  @ExportableAs('objections')
  @Roles('admin')
  @ApiOperation({ summary: "Every objection of the selection with the objector's contact, its evidence and its status (admin)" })
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
      evidence: objection.evidence.map((file) => ({ ...file, href: evidenceHref(selectionId, objection.objectionId, file.sha256) })),
    }));
  }

  @Get(':objectionId/evidence/:sha256')
  @Roles('admin')
  @ApiOperation({ summary: 'Download one evidence file of an objection (admin)' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ description: 'the bytes, with Content-Type, Content-Length and Content-Disposition' })
  @ApiErrors(401, 403, 404)
  async evidence(@Param('selectionId') selectionId: string, @Param('objectionId') objectionId: string, @Param('sha256') sha256: string): Promise<StreamableFile> {
    const [objection] = await this.outcomes.objections({ selectionId, objectionId });
    const file = objection?.evidence.find((candidate) => candidate.sha256 === sha256);
    if (!file) throw refuse('evidence-not-found', `objection ${objectionId} of ${selectionId} has no evidence file ${sha256}`, 'not-found');
    return new StreamableFile(this.files.openEvidence(file.sha256), { type: file.mediaType, length: file.sizeBytes, disposition: contentDisposition(file.name) });
  }
}
