import { readFile, writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { FundDocument } from '@app/domain/funds';
import { refuse } from '@app/domain/shared/refusal';
import { AttachmentFiles } from '../../dossiers/attachments/attachment-files';

const META = '.meta.json';

/** Where an uploaded fund document is downloaded (its organisation or an admin). */
export const fundDocumentHref = (creditCode: string, documentId: string): string => `/api/v1/fund-documents/${creditCode.toUpperCase()}/${documentId}`;

/**
 * The files organisations upload for money applications, kept by the dossiers' attachment storage
 * (`${DATA_DIR}/attachments/fund-{creditCode}/{documentId}`, the same move-into-place and quota on
 * disk) with a small `{documentId}.meta.json` beside each: kind, name, size and the SHA-256 computed
 * while the bytes streamed in. A claim or application names its files by id; the store resolves an id
 * only within the caller's own organisation, so nobody can cite another organisation's file.
 */
@Injectable()
export class FundDocumentStore {
  constructor(readonly files: AttachmentFiles) {}

  folderOf(creditCode: string): string {
    return `fund-${creditCode.toUpperCase()}`;
  }

  async keep(incoming: string, creditCode: string, document: FundDocument): Promise<void> {
    const folder = this.folderOf(creditCode);
    const placed = await this.files.moveIntoPlace(incoming, folder, document.documentId);
    try {
      await writeFile(this.files.pathOf(folder, `${document.documentId}${META}`), JSON.stringify(document), { flag: 'wx' });
    } catch (error) {
      await this.files.remove(placed);
      throw error;
    }
  }

  async find(creditCode: string, documentId: string): Promise<FundDocument | null> {
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/.test(documentId)) return null;
    try {
      return JSON.parse(await readFile(this.files.pathOf(this.folderOf(creditCode), `${documentId}${META}`), 'utf8')) as FundDocument;
    } catch {
      return null;
    }
  }

  /** The documents a claim or application cites, each the caller's own; `field` names the body field in the refusal. */
  async resolve(creditCode: string, documentId: string, field: string): Promise<FundDocument> {
    const document = await this.find(creditCode, documentId);
    if (!document) {
      throw refuse('fund-document-not-found', `${field}: no uploaded document ${documentId} of this organisation — upload it first (POST /api/v1/fund-documents)`, 'invalid', { field, documentId });
    }
    return document;
  }

  async resolveAll(creditCode: string, documentIds: readonly string[], field: string): Promise<FundDocument[]> {
    const documents: FundDocument[] = [];
    for (const [index, documentId] of documentIds.entries()) documents.push(await this.resolve(creditCode, documentId, `${field}[${index}]`));
    return documents;
  }

  /** Everything the organisation uploaded, by name. */
  async list(creditCode: string): Promise<FundDocument[]> {
    const names = await this.files.namesIn(this.folderOf(creditCode));
    const documents = await Promise.all(names.filter((name) => name.endsWith(META)).map((name) => this.find(creditCode, name.slice(0, -META.length))));
    return documents.filter((document): document is FundDocument => document !== null).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.documentId.localeCompare(b.documentId));
  }

  open(creditCode: string, documentId: string): Readable {
    return this.files.open(this.folderOf(creditCode), documentId);
  }
}
