import { refuse } from '../shared/refusal';

/**
 * A file an organisation uploaded for a money application (算力券 invoices and contracts, a national
 * approval document, the document of other provincial support): what the claim or application
 * records about it. The bytes are stored beside the dossier attachments; the event keeps the id,
 * name, size and SHA-256 computed on upload, so what was decided on can be checked later.
 */
export interface FundDocument {
  readonly documentId: string;
  readonly kind: FundDocumentKind;
  readonly name: string;
  readonly sizeBytes: number;
  readonly sha256: string;
}

export const FUND_DOCUMENT_KINDS = ['compute-invoices', 'service-contract', 'integrity-commitment', 'approval-document', 'support-document'] as const;
export type FundDocumentKind = (typeof FUND_DOCUMENT_KINDS)[number];

export const FUND_DOCUMENT_KIND_TEXT: Readonly<Record<FundDocumentKind, string>> = {
  'compute-invoices': '算力服务发票',
  'service-contract': '算力服务合同',
  'integrity-commitment': '诚信承诺书',
  'approval-document': '国家级认定文件',
  'support-document': '其他支持文件',
};

/** Scanned invoices and approval documents are PDF, as the dossiers' formal documents are. */
export const FUND_DOCUMENT_MEDIA_TYPE = 'application/pdf';
export const FUND_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
/** What one organisation may keep uploaded for its money applications in all. */
export const FUND_DOCUMENT_QUOTA_BYTES = 500 * 1024 * 1024;

export function isFundDocumentKind(kind: string): kind is FundDocumentKind {
  return (FUND_DOCUMENT_KINDS as readonly string[]).includes(kind);
}

/** Refuses an upload that is not a PDF of a known kind within the size limit, before it is kept. */
export function assertFundDocumentUpload(upload: { readonly kind: string; readonly mediaType: string; readonly sizeBytes: number }): FundDocumentKind {
  if (!isFundDocumentKind(upload.kind)) {
    throw refuse('invalid-fund-document-kind', `unknown fund document kind ${upload.kind}; one of ${FUND_DOCUMENT_KINDS.join(', ')}`, 'invalid', { field: 'kind', allowed: [...FUND_DOCUMENT_KINDS] });
  }
  if (upload.mediaType.trim().toLowerCase() !== FUND_DOCUMENT_MEDIA_TYPE) {
    throw refuse('fund-document-not-pdf', `${FUND_DOCUMENT_KIND_TEXT[upload.kind]}须为 PDF 文件,收到 ${upload.mediaType}`, 'invalid', { field: 'file' });
  }
  if (upload.sizeBytes <= 0) throw refuse('fund-document-empty', '上传的文件为空', 'invalid', { field: 'file' });
  if (upload.sizeBytes > FUND_DOCUMENT_MAX_BYTES) {
    throw refuse('fund-document-too-large', `文件 ${upload.sizeBytes} 字节,超过单个文件上限 ${FUND_DOCUMENT_MAX_BYTES} 字节`, 'invalid', { field: 'file', maxBytes: FUND_DOCUMENT_MAX_BYTES });
  }
  return upload.kind;
}

/** The problems of a recorded document reference (`at` names the field), in Chinese. */
export function fundDocumentProblems(at: string, document: FundDocument | undefined, kind: FundDocumentKind): string[] {
  if (!document) return [`${at}:请上传${FUND_DOCUMENT_KIND_TEXT[kind]}`];
  const problems: string[] = [];
  if (document.kind !== kind) problems.push(`${at}:所选文件是${FUND_DOCUMENT_KIND_TEXT[document.kind] ?? document.kind},此处须上传${FUND_DOCUMENT_KIND_TEXT[kind]}`);
  if (!/^[0-9a-f]{64}$/.test(document.sha256) || !Number.isSafeInteger(document.sizeBytes) || document.sizeBytes <= 0 || document.documentId.trim() === '') {
    problems.push(`${at}:${FUND_DOCUMENT_KIND_TEXT[kind]}未完成上传,请重新上传`);
  }
  return problems;
}
