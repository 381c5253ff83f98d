import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '@app/platform';
import type { AppConfig } from '@app/platform';

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const INCOMING = '.incoming';
/** Objection evidence, one file per SHA-256 (a folder no dossier id can name: ids start with a letter or digit). */
const EVIDENCE = '.evidence';
const SHA_256 = /^[0-9a-f]{64}$/;

/**
 * Where attachment bytes live: `${DATA_DIR}/attachments/{dossierId}/{attachmentId}`. The events hold
 * the name, media type, size and SHA-256; the file holds the bytes. Uploads arrive in
 * `attachments/.incoming/` and only a complete, checked file is moved into its dossier's folder, so
 * that folder holds nothing but attachments (or, after a crash between the move and the event, a file
 * that still counts against the dossier's quota). `.incoming` is emptied at every start.
 */
@Injectable()
export class AttachmentFiles implements OnApplicationBootstrap {
  private readonly root: string;
  private readonly logger = new Logger('attachments');

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.DATA_DIR, 'attachments');
  }

  async onApplicationBootstrap(): Promise<void> {
    const swept = await this.sweepIncoming();
    if (swept > 0) this.logger.log(`removed ${swept} unfinished upload(s) left by an earlier run`);
  }

  pathOf(dossierId: string, attachmentId: string): string {
    if (!SAFE_SEGMENT.test(dossierId) || !SAFE_SEGMENT.test(attachmentId)) {
      throw new Error(`unsafe attachment path segment: ${dossierId}/${attachmentId}`);
    }
    return join(this.root, dossierId, attachmentId);
  }

  /** The names of the files in one folder (none when it does not exist). */
  async namesIn(dossierId: string): Promise<string[]> {
    if (!SAFE_SEGMENT.test(dossierId)) return [];
    try {
      return await readdir(join(this.root, dossierId));
    } catch {
      return [];
    }
  }

  /** A fresh temporary file for one upload. */
  incomingPath(): string {
    return join(this.root, INCOMING, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
  }

  /** Moves a checked upload into its dossier's folder (same file system: an atomic rename). */
  async moveIntoPlace(incoming: string, dossierId: string, attachmentId: string): Promise<string> {
    const destination = this.pathOf(dossierId, attachmentId);
    await mkdir(join(this.root, dossierId), { recursive: true });
    await rename(incoming, destination);
    return destination;
  }

  /** What the dossier's folder holds on disk, recorded or not: the quota counts this. */
  async bytesOnDisk(dossierId: string): Promise<number> {
    if (!SAFE_SEGMENT.test(dossierId)) return 0;
    let names: string[];
    try {
      names = await readdir(join(this.root, dossierId));
    } catch {
      return 0;
    }
    const sizes = await Promise.all(names.map((name) => stat(join(this.root, dossierId, name)).then((info) => (info.isFile() ? info.size : 0), () => 0)));
    return sizes.reduce((total, size) => total + size, 0);
  }

  /** Empties attachments/.incoming; returns how many files it removed. */
  async sweepIncoming(): Promise<number> {
    const folder = join(this.root, INCOMING);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      return 0;
    }
    await Promise.all(names.map((name) => rm(join(folder, name), { force: true, recursive: true })));
    return names.length;
  }

  evidencePath(sha256: string): string {
    if (!SHA_256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(this.root, EVIDENCE, sha256);
  }

  /**
   * Stores a checked evidence upload under its SHA-256. The same bytes sent again are the same file:
   * the upload is dropped and the stored file kept. Returns true when this call created the file.
   */
  async placeEvidence(incoming: string, sha256: string): Promise<boolean> {
    const destination = this.evidencePath(sha256);
    await mkdir(join(this.root, EVIDENCE), { recursive: true });
    if (await stat(destination).then(() => true, () => false)) {
      await rm(incoming, { force: true });
      return false;
    }
    await rename(incoming, destination);
    return true;
  }

  openEvidence(sha256: string): Readable {
    return createReadStream(this.evidencePath(sha256));
  }

  open(dossierId: string, attachmentId: string): Readable {
    return createReadStream(this.pathOf(dossierId, attachmentId));
  }

  async remove(path: string): Promise<void> {
    await rm(path, { force: true });
  }
}
