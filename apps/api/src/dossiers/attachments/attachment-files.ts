import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@app/platform';
import type { AppConfig } from '@app/platform';

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * Where attachment bytes live: `${DATA_DIR}/attachments/{dossierId}/{attachmentId}`. The events hold
 * the name, media type, size and SHA-256; the file holds the bytes.
 */
@Injectable()
export class AttachmentFiles {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.DATA_DIR, 'attachments');
  }

  pathOf(dossierId: string, attachmentId: string): string {
    if (!SAFE_SEGMENT.test(dossierId) || !SAFE_SEGMENT.test(attachmentId)) {
      throw new Error(`unsafe attachment path segment: ${dossierId}/${attachmentId}`);
    }
    return join(this.root, dossierId, attachmentId);
  }

  open(dossierId: string, attachmentId: string): Readable {
    return createReadStream(this.pathOf(dossierId, attachmentId));
  }

  async remove(path: string): Promise<void> {
    await rm(path, { force: true });
  }
}
