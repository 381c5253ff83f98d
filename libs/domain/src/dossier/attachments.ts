import type { AttachmentRules } from '../programmes';
import { requireText } from '../selection/checks';
import { refuse } from '../shared/refusal';
import type { AttachmentRecord } from './dossier.events';

/**
 * The file types a dossier accepts, with the name endings each may have. Office documents are the
 * OOXML formats only: the older .doc / .xls binaries carry macros and cannot be previewed safely.
 */
export const ATTACHMENT_MEDIA_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['.pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
};

const SHA_256 = /^[0-9a-f]{64}$/;
const MAX_NAME_LENGTH = 200;

/** What an uploaded file is: a dossier's attachment or an objection's evidence; each has its own refusal codes. */
export type UploadedFileKind = 'attachment' | 'evidence';

const invalidFile = (kind: UploadedFileKind, reason: string) =>
  kind === 'evidence' ? refuse('invalid-evidence', reason, 'invalid') : refuse('invalid-attachment', reason, 'invalid');
const typeNotAllowed = (kind: UploadedFileKind, reason: string) =>
  kind === 'evidence' ? refuse('evidence-type-not-allowed', reason, 'invalid') : refuse('attachment-type-not-allowed', reason, 'invalid');
const tooLarge = (kind: UploadedFileKind, reason: string) =>
  kind === 'evidence' ? refuse('evidence-too-large', reason, 'invalid') : refuse('attachment-too-large', reason, 'invalid');

/**
 * The facts of one uploaded file, checked: a name without path separators, an accepted media type whose
 * name ends as such a file does, a SHA-256, and a size above 0 and within `maxFileBytes`.
 */
export function checkFileFacts(
  given: { readonly name?: unknown; readonly mediaType?: unknown; readonly sizeBytes?: unknown; readonly sha256?: unknown },
  accepted: Readonly<Record<string, readonly string[]>>,
  maxFileBytes: number,
  kind: UploadedFileKind,
): { name: string; mediaType: string; sizeBytes: number; sha256: string } {
  const name = requireText(given.name, 'the file name', MAX_NAME_LENGTH);
  if (/[\\/]/.test(name)) throw invalidFile(kind, `the file name "${name}" must not contain / or \\`);

  const mediaType = typeof given.mediaType === 'string' ? given.mediaType.trim().toLowerCase() : '';
  const endings = accepted[mediaType];
  if (!endings) {
    const names = Object.values(accepted).map((list) => list[0].slice(1).toUpperCase().replace('JPG', 'JPEG'));
    throw typeNotAllowed(kind, `${name}: only ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} files are accepted, got ${JSON.stringify(given.mediaType)}`);
  }
  if (!endings.some((ending) => name.toLowerCase().endsWith(ending))) {
    throw typeNotAllowed(kind, `${name}: a ${mediaType} file must end with ${endings.join(' or ')}`);
  }

  const sha256 = typeof given.sha256 === 'string' ? given.sha256.trim().toLowerCase() : '';
  if (!SHA_256.test(sha256)) {
    throw invalidFile(kind, `${name}: the SHA-256 must be 64 hexadecimal characters`);
  }

  const sizeBytes = given.sizeBytes;
  if (typeof sizeBytes !== 'number' || !Number.isSafeInteger(sizeBytes) || sizeBytes < 1) {
    throw invalidFile(kind, `${name}: the size must be a whole number of bytes above 0`);
  }
  if (sizeBytes > maxFileBytes) {
    throw tooLarge(kind, `${name} has ${sizeBytes} bytes; a file may have at most ${maxFileBytes}`);
  }
  return { name, mediaType, sizeBytes, sha256 };
}

/** Checks one new attachment against the programme's kinds and limits and the files already attached. */
export function validateAttachment(
  given: AttachmentRecord,
  rules: AttachmentRules,
  existing: readonly AttachmentRecord[],
): AttachmentRecord {
  const attachmentId = requireText(given.attachmentId, 'the attachment id', 64);
  const checkedName = requireText(given.name, 'the file name', MAX_NAME_LENGTH);
  if (/[\\/]/.test(checkedName)) throw refuse('invalid-attachment', `the file name "${checkedName}" must not contain / or \\`, 'invalid');

  const kind = rules.kinds.find((candidate) => candidate.code === given.kind);
  if (!kind) {
    const kinds = rules.kinds.map((candidate) => `${candidate.code} (${candidate.name})`).join(', ');
    throw refuse('invalid-attachment', `"${given.kind}" is not a kind of attachment here; use one of ${kinds}`, 'invalid');
  }

  const { name, mediaType, sha256 } = checkFileFacts(given, ATTACHMENT_MEDIA_TYPES, rules.maxFileBytes, 'attachment');

  const total = existing.reduce((sum, attachment) => sum + attachment.sizeBytes, 0) + given.sizeBytes;
  if (total > rules.maxTotalBytes) {
    throw refuse(
      'dossier-attachments-too-large',
      `with ${name} the attachments would have ${total} bytes; a dossier may have at most ${rules.maxTotalBytes}`,
      'invalid',
    );
  }
  if (existing.length + 1 > rules.maxFiles) {
    throw refuse('too-many-attachments', `a dossier may have at most ${rules.maxFiles} attachments`, 'invalid');
  }

  if (existing.some((attachment) => attachment.attachmentId === attachmentId)) {
    throw refuse('attachment-already-added', `attachment ${attachmentId} is already on the dossier`);
  }
  const same = existing.find((attachment) => attachment.sha256 === sha256);
  if (same) throw refuse('attachment-already-added', `the same file is already attached as ${same.name}`);

  return { attachmentId, kind: kind.code, name, mediaType, sizeBytes: given.sizeBytes, sha256 };
}
