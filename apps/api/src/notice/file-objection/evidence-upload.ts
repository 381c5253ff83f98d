import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { Observable, catchError, from, mergeMap, switchMap, throwError } from 'rxjs';
import { EVIDENCE_LIMITS } from '@app/domain/dossier';
import { refuse } from '@app/domain/shared/refusal';
import { AttachmentFiles } from '../../dossiers/attachments/attachment-files';
import { hashingDiskStorage } from '../../dossiers/attachments/hashing-disk-storage';
import type { StoredUpload, UploadRequest } from '../../dossiers/attachments/hashing-disk-storage';

export const EVIDENCE_FIELD = 'evidence';

/**
 * The objection's evidence files, streamed to disk and hashed on the way by the dossier attachments'
 * own storage engine; the text fields beside them. A JSON body passes untouched (no evidence).
 */
export const evidenceUploadOptions = {
  storage: hashingDiskStorage,
  defParamCharset: 'utf8',
  limits: { fileSize: EVIDENCE_LIMITS.maxFileBytes, files: EVIDENCE_LIMITS.maxFiles, fields: 10, parts: EVIDENCE_LIMITS.maxFiles + 10 },
};

/**
 * Runs around multer: gives each evidence file a temporary path, and afterwards — filed, refused or
 * failed — removes whatever is still there (a filed objection's files were moved to their SHA-256 name).
 * Multer's own limits come back as the evidence refusals people can act on.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  constructor(private readonly files: AttachmentFiles) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<UploadRequest & { files?: StoredUpload[] }>();
    request.evidenceUpload = { nextPath: () => this.files.incomingPath() };
    const cleanup = () => Promise.all((Array.isArray(request.files) ? request.files : []).map((file) => this.files.remove(file.path)));
    return next.handle().pipe(
      mergeMap(async (value: unknown) => {
        await cleanup();
        return value;
      }),
      catchError((error: unknown) => from(cleanup()).pipe(switchMap(() => throwError(() => explain(error))))),
    );
  }
}

function explain(error: unknown): unknown {
  if (error instanceof PayloadTooLargeException) {
    return new PayloadTooLargeException(`the evidence file is larger than ${EVIDENCE_LIMITS.maxFileBytes} bytes, the limit for one evidence file`);
  }
  if (error instanceof BadRequestException) {
    const message = error.message;
    if (/too many files/i.test(message)) {
      return refuse('too-many-evidence-files', `an objection may carry at most ${EVIDENCE_LIMITS.maxFiles} evidence files`, 'invalid');
    }
    if (/unexpected field/i.test(message)) {
      return refuse('invalid-evidence', `send the evidence files as multipart parts named "${EVIDENCE_FIELD}"`, 'invalid');
    }
  }
  return error;
}
