import { randomBytes } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { Observable, catchError, from, switchMap, throwError } from 'rxjs';
import { requestContextOf } from '../../auth/request-context';
import { StreamDirectory } from '../../workflow/stream-directory';
import { requireOwner } from '../shared/dossier-visibility';
import { AttachmentFiles } from './attachment-files';
import { requireRoomOnDisk } from './attachment-quota';
import type { StoredUpload, UploadRequest } from './hashing-disk-storage';

/**
 * Runs before multer: a caller who may not work on the dossier gets 404 before a byte is stored, a
 * dossier whose folder already fills its quota gets 409, and the file size limit comes from the
 * dossier's own selection. The upload goes to a temporary file; afterwards any failure (validation,
 * refusal, limit) deletes it, so only recorded attachments stay on disk.
 */
@Injectable()
export class AttachmentUploadInterceptor implements NestInterceptor {
  constructor(
    private readonly directory: StreamDirectory,
    private readonly files: AttachmentFiles,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<UploadRequest & { file?: StoredUpload }>();
    return from(this.prepare(request)).pipe(
      switchMap(() => next.handle()),
      catchError((error: unknown) => {
        const stored = request.file?.path;
        const cleanup = stored ? this.files.remove(stored) : Promise.resolve();
        return from(cleanup).pipe(switchMap(() => throwError(() => this.explain(error, request))));
      }),
    );
  }

  private async prepare(request: UploadRequest): Promise<void> {
    const dossierId = String(request.params.dossierId);
    const { value: dossier } = await this.directory.dossier(dossierId);
    requireOwner(dossier, requestContextOf(request).metadata.actor);
    const { value: selection } = await this.directory.selection(dossier.selectionId);
    const { maxFileBytes, maxTotalBytes } = selection.rules.attachments;
    await requireRoomOnDisk(this.files, dossierId, 1, maxTotalBytes);
    const attachmentId = randomBytes(6).toString('hex');
    this.files.pathOf(dossierId, attachmentId); // refuses an unsafe id before a byte is stored
    request.attachmentUpload = { dossierId, attachmentId, path: this.files.incomingPath(), maxFileBytes, maxTotalBytes };
  }

  private explain(error: unknown, request: UploadRequest): unknown {
    if (error instanceof PayloadTooLargeException && request.attachmentUpload) {
      const limit = request.attachmentUpload.maxFileBytes;
      return new PayloadTooLargeException(
        `the file is larger than ${limit} bytes (${(limit / 1024 / 1024).toFixed(0)} MiB), the limit for one attachment of this programme`,
      );
    }
    return error;
  }
}
