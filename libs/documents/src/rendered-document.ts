export type DocumentFormat = 'txt' | 'html' | 'docx';

/** A rendered file, ready to be sent as a download or written to disk. */
export interface RenderedDocument {
  contentType: string;
  /** ASCII only, so it needs no encoding in a Content-Disposition header or a file system. */
  fileName: string;
  /** Text for txt and html, the zipped package for docx. */
  body: string | Buffer;
}

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function isDocumentFormat(value: string): value is DocumentFormat {
  return value === 'txt' || value === 'html' || value === 'docx';
}

/** "annex-1-key-enterprises.txt": each run of characters outside a-z and 0-9 in the stem becomes one "-". */
export function documentFileName(stem: string, format: DocumentFormat): string {
  const asciiStem = stem.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${asciiStem || 'document'}.${format}`;
}
