import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { refuse } from '@app/domain/shared/refusal';
import { Roles } from '../../auth/access.decorators';
import { csrfProtectionOf } from '../../auth/csrf-protection';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { CommandAccepted, commandAccepted } from '../../http/command-response';
import { StreamDirectory } from '../../workflow/stream-directory';
import { dossierStreamOf } from '../shared/dossier-stream';
import { requireVisible } from '../shared/dossier-visibility';
import { requireDeclarationSigned } from '../../reviews/commitments/declaration-gate';
import { AddAttachmentCommand } from './add-attachment.command';
import { AddAttachmentForm, AddAttachmentRequest } from './add-attachment.request.dto';
import { AttachmentFiles } from './attachment-files';
import { AttachmentUploadInterceptor } from './attachment-upload.interceptor';
import { contentDisposition } from './content-disposition';
import { hashingDiskStorage } from './hashing-disk-storage';
import type { StoredUpload, UploadRequest } from './hashing-disk-storage';
import { RemoveAttachmentCommand } from './remove-attachment.command';

/** One file per request, streamed to disk; the per-file limit is the programme's, read per request. */
const uploadOptions = {
  storage: hashingDiskStorage,
  defParamCharset: 'utf8',
  limits: (request: UploadRequest) => ({ fileSize: request.attachmentUpload?.maxFileBytes ?? 0, files: 1, fields: 4, parts: 6 }),
};

@ApiTags('申报 dossiers')
@ApiBearerAuth()
@Controller('api/v1/dossiers/:dossierId/attachments')
export class AttachmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly directory: StreamDirectory,
    private readonly files: AttachmentFiles,
  ) {}

  @Post()
  @Roles('applicant')
  @UseInterceptors(AttachmentUploadInterceptor, FileInterceptor('file', uploadOptions))
  @ApiOperation({
    summary: 'Attach a file to your dossier (multipart: one `file` part and its `kind`)',
    description: 'PDF, DOCX, XLSX, PNG or JPEG; the size limits, count and kinds come from the programme rules.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AddAttachmentForm })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiCreatedResponse({ type: CommandAccepted, description: 'id is the attachment id; the revision is the dossier\'s' })
  @ApiErrors(400, 401, 403, 404, 409, 412, 413)
  async upload(
    @Param('dossierId') dossierId: string,
    @UploadedFile() file: StoredUpload | undefined,
    @Body() body: AddAttachmentRequest,
    @Context() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAccepted> {
    csrfProtectionOf(response.req)?.assertDeferredToken(response.req, body._csrf);
    if (!file) throw refuse('attachment-missing', 'send the file as the multipart part named "file"', 'invalid');
    const { attachmentId, maxTotalBytes } = (response.req as UploadRequest).attachmentUpload!;
    const result = await this.commands.execute(new AddAttachmentCommand(dossierId, attachmentId, body.kind, file, maxTotalBytes, context));
    response.setHeader('Location', `/api/v1/dossiers/${dossierId}/attachments/${attachmentId}`);
    return commandAccepted(response, attachmentId, dossierStreamOf(dossierId), result);
  }

  @Get(':attachmentId')
  @Roles('applicant', 'admin', 'expert')
  @ApiOperation({ summary: 'Download an attachment (its organisation, admins, experts assigned to the dossier)' })
  @ApiProduces(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'image/png',
    'image/jpeg',
  )
  @ApiOkResponse({ description: 'the bytes, with Content-Type, Content-Length and Content-Disposition' })
  @ApiErrors(401, 403, 404)
  async download(
    @Param('dossierId') dossierId: string,
    @Param('attachmentId') attachmentId: string,
    @Context() context: RequestContext,
  ): Promise<StreamableFile> {
    const { value } = await this.directory.dossier(dossierId);
    const dossier = requireVisible(value, context.metadata.actor);
    await requireDeclarationSigned(this.directory, dossier.selectionId, context.metadata.actor);
    const attachment = dossier.attachments.find((candidate) => candidate.attachmentId === attachmentId);
    if (!attachment) throw refuse('attachment-not-found', `the dossier has no attachment ${attachmentId}`, 'not-found');
    return new StreamableFile(this.files.open(dossierId, attachmentId), {
      type: attachment.mediaType,
      length: attachment.sizeBytes,
      disposition: contentDisposition(attachment.name),
    });
  }

  @Delete(':attachmentId')
  @Roles('applicant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove an attachment from your dossier while you may still edit it' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiErrors(401, 403, 404, 409, 412)
  async remove(
    @Param('dossierId') dossierId: string,
    @Param('attachmentId') attachmentId: string,
    @Context() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAccepted> {
    const result = await this.commands.execute(new RemoveAttachmentCommand(dossierId, attachmentId, context));
    return commandAccepted(response, dossierId, dossierStreamOf(dossierId), result);
  }
}
