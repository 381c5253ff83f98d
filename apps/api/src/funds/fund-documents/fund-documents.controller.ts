import { Body, Controller, Get, NotFoundException, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { assertFundDocumentUpload, FUND_DOCUMENT_KINDS } from '@app/domain/funds';
import type { FundDocument } from '@app/domain/funds';
import { refuse } from '@app/domain/shared/refusal';
import { Roles } from '../../auth/access.decorators';
import { csrfProtectionOf } from '../../auth/csrf-protection';
import { Context, RequestContext } from '../../auth/request-context';
import { contentContradicts } from '../../dossiers/attachments/content-signature';
import { contentDisposition } from '../../dossiers/attachments/content-disposition';
import { hashingDiskStorage } from '../../dossiers/attachments/hashing-disk-storage';
import type { StoredUpload, UploadRequest } from '../../dossiers/attachments/hashing-disk-storage';
import { ApiErrors } from '../../http/api-errors.decorator';
import { fundDocumentHref, FundDocumentStore } from './fund-document-store';
import { FundDocumentUploadInterceptor } from './fund-document-upload.interceptor';

export class UploadFundDocumentRequest {
  @ApiProperty({ enum: FUND_DOCUMENT_KINDS })
  @IsString()
  @MaxLength(64)
  kind!: string;

  @ApiPropertyOptional({ description: "the portal form's CSRF token, when the session cookie authenticates the upload" })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  _csrf?: string;
}

class UploadFundDocumentForm extends UploadFundDocumentRequest {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PDF, at most 20 MB' })
  file!: unknown;
}

const uploadOptions = {
  storage: hashingDiskStorage,
  defParamCharset: 'utf8',
  limits: (request: UploadRequest) => ({ fileSize: request.attachmentUpload?.maxFileBytes ?? 0, files: 1, fields: 4, parts: 6 }),
};

/**
 * Invoices, contracts, approval documents and documents of other support, uploaded before the claim
 * or application that cites them by `documentId` (the dossier attachments' storage and checks:
 * streamed to disk with its SHA-256, PDF by declared type and by content, size limit, quota).
 */
@ApiTags('资金申请材料 fund documents')
@ApiBearerAuth()
@Controller('api/v1/fund-documents')
export class FundDocumentsController {
  constructor(private readonly store: FundDocumentStore) {}

  @Post()
  @Roles('applicant')
  @UseInterceptors(FundDocumentUploadInterceptor, FileInterceptor('file', uploadOptions))
  @ApiOperation({ summary: 'Upload a PDF for a 算力券 claim or a national-level application (multipart: `file` and its `kind`); cite its documentId in the claim or application' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadFundDocumentForm })
  @ApiCreatedResponse({ description: 'documentId, kind, name, sizeBytes, sha256' })
  @ApiErrors(400, 401, 403, 409, 413)
  async upload(@UploadedFile() file: StoredUpload | undefined, @Body() body: UploadFundDocumentRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response): Promise<FundDocument & { href: string }> {
    csrfProtectionOf(response.req)?.assertDeferredToken(response.req, body._csrf);
    if (!file) throw refuse('attachment-missing', 'send the file as the multipart part named "file"', 'invalid');
    const kind = assertFundDocumentUpload({ kind: body.kind, mediaType: file.mimetype, sizeBytes: file.size });
    if (contentContradicts(file.mimetype, file.head)) throw refuse('attachment-content-mismatch', `${file.originalname}: the content is not a ${file.mimetype} file`, 'invalid');
    const creditCode = context.metadata.actor.organisationCreditCode!.toUpperCase();
    const { attachmentId: documentId } = (response.req as UploadRequest).attachmentUpload!;
    const document: FundDocument = { documentId, kind, name: file.originalname, sizeBytes: file.size, sha256: file.sha256 };
    await this.store.keep(file.path, creditCode, document);
    const href = fundDocumentHref(creditCode, documentId);
    response.setHeader('Location', href);
    return { ...document, href };
  }

  @Get(':creditCode/:documentId')
  @Roles('applicant', 'admin')
  @ApiOperation({ summary: 'Download an uploaded fund document (its organisation or an admin)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'the PDF, with Content-Disposition naming it' })
  @ApiErrors(401, 403, 404)
  async download(@Param('creditCode') creditCode: string, @Param('documentId') documentId: string, @Context() context: RequestContext): Promise<StreamableFile> {
    const { actor } = context.metadata;
    const code = creditCode.toUpperCase();
    const document = actor.role === 'admin' || actor.organisationCreditCode?.toUpperCase() === code ? await this.store.find(code, documentId) : null;
    if (!document) throw new NotFoundException('未找到该文件(申报单位只能查看本单位上传的文件)');
    return new StreamableFile(this.store.open(code, documentId), { type: 'application/pdf', length: document.sizeBytes, disposition: contentDisposition(document.name) });
  }
}
