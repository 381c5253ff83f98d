import { Body, Controller, Param, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { UnitOfWorkResult } from '@app/platform';
import { Public } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import type { StoredUpload } from '../../dossiers/attachments/hashing-disk-storage';
import { ApiErrors } from '../../http/api-errors.decorator';
import { EVIDENCE_FIELD, EvidenceUploadInterceptor, evidenceUploadOptions } from './evidence-upload';
import { FileObjectionCommand } from './file-objection.command';
import { FileObjectionForm, FileObjectionRequest } from './file-objection.request.dto';
import { ObjectionFiledResponse } from './objection-filed.response.dto';

@ApiTags('异议 objections')
@Controller('api/v1/selections/:selectionId/objections')
export class FileObjectionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Public()
  @UseInterceptors(EvidenceUploadInterceptor, FilesInterceptor(EVIDENCE_FIELD, undefined, evidenceUploadOptions))
  @ApiOperation({
    summary: 'File an objection to a listed dossier during the notice window, under a real name (public, no token)',
    description: 'JSON, or multipart/form-data with the same fields and up to 5 `evidence` files (PDF, PNG or JPEG, 10 MB each), stored under their SHA-256.',
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: FileObjectionForm })
  @ApiCreatedResponse({ type: ObjectionFiledResponse })
  @ApiErrors(400, 401, 404, 409, 413)
  async file(
    @Param('selectionId') selectionId: string,
    @Body() body: FileObjectionRequest,
    @UploadedFiles() evidence: StoredUpload[] | undefined,
    @Context() context: RequestContext,
  ): Promise<ObjectionFiledResponse> {
    const result: UnitOfWorkResult<string> = await this.commands.execute(new FileObjectionCommand(selectionId, body, context, evidence ?? []));
    return { objectionId: result.value };
  }
}
