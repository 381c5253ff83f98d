import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';

/** Where the upload prepared by AttachmentUploadInterceptor goes, and how large it may be. */
export interface AttachmentUploadTarget {
  readonly dossierId: string;
  readonly attachmentId: string;
  /** A temporary file under attachments/.incoming; the handler moves it into place once checked. */
  readonly path: string;
  readonly maxFileBytes: number;
  /** The per-dossier quota, counted in bytes on disk (see AttachmentFiles.bytesOnDisk). */
  readonly maxTotalBytes: number;
}

/** Where the evidence files of one objection go (EvidenceUploadInterceptor): a temporary file each. */
export interface EvidenceUploadTarget {
  readonly nextPath: () => string;
}

export interface UploadRequest extends Request {
  attachmentUpload?: AttachmentUploadTarget;
  evidenceUpload?: EvidenceUploadTarget;
}

/** The file as multer hands it over after this storage wrote it. */
export interface StoredUpload {
  readonly fieldname: string;
  readonly originalname: string;
  readonly mimetype: string;
  /** The temporary file (see AttachmentUploadTarget.path). */
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  /** The first bytes, to check the content against the declared media type. */
  readonly head: Buffer;
}

interface IncomingFile {
  readonly stream: Readable;
}

const HEAD_BYTES = 16;

/**
 * A multer storage engine that streams the part to a temporary file and computes the SHA-256 and size
 * on the way, so a 50 MB upload never sits in memory and is never read twice. Whatever stops the part
 * before its end — the client aborting, the connection dropping, a write error, the size limit — removes
 * the temporary file; a crash leaves it in attachments/.incoming, which is swept at start-up.
 */
export const hashingDiskStorage = {
  _handleFile(request: UploadRequest, file: IncomingFile, callback: (error: Error | null, info?: Partial<StoredUpload>) => void): void {
    const path = request.attachmentUpload?.path ?? request.evidenceUpload?.nextPath();
    if (!path) {
      callback(new Error('the upload was not prepared (AttachmentUploadInterceptor or EvidenceUploadInterceptor missing)'));
      return;
    }
    mkdirSync(dirname(path), { recursive: true });
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headLength = 0;
    let size = 0;
    let truncated = false;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, next) {
        hash.update(chunk);
        size += chunk.length;
        if (headLength < HEAD_BYTES) {
          head.push(chunk.subarray(0, HEAD_BYTES - headLength));
          headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
        }
        next(null, chunk);
      },
    });
    const out = createWriteStream(path, { flags: 'wx' });
    const onClose = () => {
      if (!request.readableEnded) out.destroy(new Error('the client closed the connection during the upload'));
    };
    request.once('close', onClose);
    file.stream.on('limit', () => (truncated = true));
    pipeline(file.stream, tap, out).then(
      () => {
        request.off('close', onClose);
        // multer refuses the request itself (413); the partial file must not stay behind.
        if (truncated) rmSync(path, { force: true });
        callback(null, { path, size, sha256: hash.digest('hex'), head: Buffer.concat(head) });
      },
      (error: Error) => {
        request.off('close', onClose);
        rmSync(path, { force: true });
        callback(error);
      },
    );
  },

  _removeFile(_request: UploadRequest, file: { path?: string }, callback: (error: Error | null) => void): void {
    if (file.path) rmSync(file.path, { force: true });
    callback(null);
  },
};
