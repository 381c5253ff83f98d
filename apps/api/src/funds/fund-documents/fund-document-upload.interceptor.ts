import { randomBytes } from 'node:crypto';
import { CallHandler, ExecutionContext, ForbiddenException, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { Observable, catchError, from, switchMap, throwError } from 'rxjs';
import { FUND_DOCUMENT_MAX_BYTES, FUND_DOCUMENT_QUOTA_BYTES } from '@app/domain/funds';
import { refuse } from '@app/domain/shared/refusal';
import { requestContextOf } from '../../auth/request-context';
import type { StoredUpload, UploadRequest } from '../../dossiers/attachments/hashing-disk-storage';
import { FundDocumentStore } from './fund-document-store';

/**
 * Runs before multer, as the dossier upload's interceptor does: only an applicant of an organisation
 * may upload, the organisation's folder must have room (counted on disk), and the file goes to a
 * temporary path that any later failure removes.
 */
@Injectable()
export class FundDocumentUploadInterceptor implements NestInterceptor {
  constructor(private readonly store: FundDocumentStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<UploadRequest & { file?: StoredUpload }>();
    return from(this.prepare(request)).pipe(
      switchMap(() => next.handle()),
      catchError((error: unknown) => {
        const stored = request.file?.path;
        const cleanup = stored ? this.store.files.remove(stored) : Promise.resolve();
        return from(cleanup).pipe(switchMap(() => throwError(() => explain(error))));
      }),
    );
  }

  private async prepare(request: UploadRequest): Promise<void> {
    const creditCode = requestContextOf(request).metadata.actor.organisationCreditCode;
    if (!creditCode) throw new ForbiddenException('该账号未关联申报单位,不能上传资金申请材料');
    const folder = this.store.folderOf(creditCode);
    const used = await this.store.files.bytesOnDisk(folder);
    if (used + 1 > FUND_DOCUMENT_QUOTA_BYTES) {
      throw refuse('fund-document-quota-exceeded', `the organisation's fund documents take ${used} bytes, the limit is ${FUND_DOCUMENT_QUOTA_BYTES}`, 'conflict', { usedBytes: used });
    }
    const documentId = randomBytes(8).toString('hex');
    this.store.files.pathOf(folder, documentId);
    request.attachmentUpload = { dossierId: folder, attachmentId: documentId, path: this.store.files.incomingPath(), maxFileBytes: FUND_DOCUMENT_MAX_BYTES, maxTotalBytes: FUND_DOCUMENT_QUOTA_BYTES };
  }
}

function explain(error: unknown): unknown {
  if (error instanceof PayloadTooLargeException) {
    return new PayloadTooLargeException(`文件超过单个文件上限 ${FUND_DOCUMENT_MAX_BYTES / 1024 / 1024} MB,请压缩或拆分后重新上传`);
  }
  return error;
}
