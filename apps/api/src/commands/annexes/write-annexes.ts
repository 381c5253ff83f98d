import { accessSync, constants, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { DocumentFormat } from '@app/documents';
import type { AnnexDocumentKind } from '../../notice/annex/annex-documents';

/** What `npm run annexes` was asked for, once the arguments are parsed. */
export interface AnnexesRequest {
  /** Selection ids, e.g. key-enterprise-2025. */
  readonly selections: readonly string[];
  /** Every published selection of the year, and its 附件3 (future scenarios) when one is published. */
  readonly years: readonly number[];
  readonly formats: readonly DocumentFormat[];
  readonly outDir: string;
}

/** A failure the command reports in one line; exitCode 2 for bad arguments, 1 for everything else. */
export class AnnexesError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'AnnexesError';
  }
}

export interface SelectionSummary {
  readonly selectionId: string;
  readonly year: number;
  readonly phase: string;
  readonly phaseDescription: string;
  /** What it publishes: 附件1/2/4 and/or the award list. */
  readonly documents: readonly AnnexDocumentKind[];
}

export type DocumentRef = { readonly kind: 'selection'; readonly selectionId: string; readonly document: AnnexDocumentKind } | { readonly kind: 'future-scenarios'; readonly year: number };

export interface FetchedDocument {
  /** The name the API gives the file (Content-Disposition), e.g. annex-1-key-enterprises.txt. */
  readonly fileName: string;
  readonly body: Buffer;
}

/**
 * Where the documents come from: the app's database through its own builders (database-source.ts),
 * or a running API over HTTP (http-source.ts).
 */
export interface AnnexSource {
  /** null when there is no such selection. */
  selection(selectionId: string): Promise<SelectionSummary | null>;
  selections(): Promise<SelectionSummary[]>;
  hasFutureScenarios(year: number): Promise<boolean>;
  fetch(ref: DocumentRef, format: DocumentFormat): Promise<FetchedDocument>;
}

export interface WrittenFile {
  readonly path: string;
  readonly bytes: number;
  /** The selection id, or future-scenarios-<year>. */
  readonly source: string;
  /** The name GET …/annex gives the file (Content-Disposition). */
  readonly servedName: string;
}

/** The message of an error, also of one thrown in another realm (fs errors under Jest's VM modules). */
export const reasonOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string' ? (error as { message: string }).message : String(error);

const sourceName = (ref: DocumentRef) => (ref.kind === 'selection' ? ref.selectionId : `future-scenarios-${ref.year}`);

async function publishedSelection(source: AnnexSource, selectionId: string): Promise<SelectionSummary> {
  const selection = await source.selection(selectionId);
  if (!selection) {
    const known = (await source.selections()).map((candidate) => candidate.selectionId).sort();
    throw new AnnexesError(`unknown selection "${selectionId}"; this database has ${known.length === 0 ? 'no selections' : known.join(', ')}`);
  }
  if (selection.phase !== 'published') {
    throw new AnnexesError(`${selectionId} is not published yet: it is in phase "${selection.phase}" (${selection.phaseDescription})`);
  }
  return selection;
}

/** Checks every selection first, so nothing is written when one of them cannot be. */
async function plan(source: AnnexSource, request: AnnexesRequest): Promise<DocumentRef[]> {
  const planned: DocumentRef[] = [];
  const seen = new Set<string>();
  const add = (selection: SelectionSummary) => {
    if (seen.has(selection.selectionId)) return;
    seen.add(selection.selectionId);
    planned.push(...selection.documents.map((document) => ({ kind: 'selection' as const, selectionId: selection.selectionId, document })));
  };
  for (const selectionId of request.selections) add(await publishedSelection(source, selectionId));
  for (const year of [...new Set(request.years)]) {
    const ofYear = (await source.selections()).filter((selection) => selection.year === year);
    const published = ofYear.filter((selection) => selection.phase === 'published').sort((a, b) => a.selectionId.localeCompare(b.selectionId));
    const future = await source.hasFutureScenarios(year);
    if (published.length === 0 && !future) {
      const pending = ofYear.map((selection) => `${selection.selectionId} is in phase "${selection.phase}"`).join(', ');
      throw new AnnexesError(`nothing is published for ${year}: no published selection${pending ? ` (${pending})` : ''} and no 附件3 future scenarios`);
    }
    if (future) planned.push({ kind: 'future-scenarios', year });
    published.forEach(add);
  }
  return planned;
}

/** mkdir -p one level at a time (Node's recursive mkdirSync spins forever under /proc). */
function makeFolder(folder: string): void {
  if (existsSync(folder)) return;
  makeFolder(dirname(folder));
  mkdirSync(folder);
}

function requireWritableFolder(outDir: string): void {
  try {
    makeFolder(outDir);
    if (!statSync(outDir).isDirectory()) throw new Error('it is not a folder');
    accessSync(outDir, constants.W_OK);
  } catch (error) {
    throw new AnnexesError(`cannot write to the folder ${outDir}: ${reasonOf(error)}`);
  }
}

/**
 * Fetches the requested documents and writes them to outDir under the names the API gives them
 * (annex-1-key-enterprises.txt …). When two documents of one run share a name (two years, or two
 * batches of 附件4), each is prefixed with its source: key-enterprise-2025-annex-1-key-enterprises.txt.
 * One progress line per file.
 */
export async function writeAnnexes(source: AnnexSource, request: AnnexesRequest, log: (line: string) => void): Promise<WrittenFile[]> {
  if (request.selections.length === 0 && request.years.length === 0) throw new AnnexesError('name at least one --selection or --year', 2);
  if (request.formats.length === 0) throw new AnnexesError('name at least one format', 2);
  const planned = await plan(source, request);
  requireWritableFolder(request.outDir);

  const fetched: { source: string; document: FetchedDocument }[] = [];
  for (const ref of planned) {
    for (const format of request.formats) fetched.push({ source: sourceName(ref), document: await source.fetch(ref, format) });
  }
  const uses = new Map<string, number>();
  for (const { document } of fetched) uses.set(document.fileName, (uses.get(document.fileName) ?? 0) + 1);

  const written: WrittenFile[] = [];
  for (const { source: from, document } of fetched) {
    const name = uses.get(document.fileName)! > 1 ? `${from}-${document.fileName}` : document.fileName;
    const path = join(request.outDir, name);
    try {
      writeFileSync(path, document.body);
    } catch (error) {
      throw new AnnexesError(`cannot write ${path}: ${reasonOf(error)}`);
    }
    written.push({ path, bytes: document.body.length, source: from, servedName: document.fileName });
    const shown = relative(process.cwd(), path);
    log(`annexes: wrote ${shown.startsWith('..') ? path : shown} (${from}, ${document.body.length} bytes)`);
  }
  return written;
}
