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

/** Checks one new attachment against the programme's kinds and limits and the files already attached. */
export function validateAttachment(
  given: AttachmentRecord,
  rules: AttachmentRules,
  existing: readonly AttachmentRecord[],
): AttachmentRecord {
  const attachmentId = requireText(given.attachmentId, 'the attachment id', 64);
  const name = requireText(given.name, 'the file name', MAX_NAME_LENGTH);
  if (/[\\/]/.test(name)) throw refuse('invalid-attachment', `the file name "${name}" must not contain / or \\`, 'invalid');

  const kind = rules.kinds.find((candidate) => candidate.code === given.kind);
  if (!kind) {
    const kinds = rules.kinds.map((candidate) => `${candidate.code} (${candidate.name})`).join(', ');
    throw refuse('invalid-attachment', `"${given.kind}" is not a kind of attachment here; use one of ${kinds}`, 'invalid');
  }

  const mediaType = typeof given.mediaType === 'string' ? given.mediaType.trim().toLowerCase() : '';
  const endings = ATTACHMENT_MEDIA_TYPES[mediaType];
  if (!endings) {
    throw refuse(
      'attachment-type-not-allowed',
      `${name}: only PDF, DOCX, XLSX, PNG and JPEG files are accepted, got ${JSON.stringify(given.mediaType)}`,
      'invalid',
    );
  }
  if (!endings.some((ending) => name.toLowerCase().endsWith(ending))) {
    throw refuse('attachment-type-not-allowed', `${name}: a ${mediaType} file must end with ${endings.join(' or ')}`, 'invalid');
  }

  const sha256 = typeof given.sha256 === 'string' ? given.sha256.trim().toLowerCase() : '';
  if (!SHA_256.test(sha256)) {
    throw refuse('invalid-attachment', `${name}: the SHA-256 must be 64 hexadecimal characters`, 'invalid');
  }

  if (!Number.isSafeInteger(given.sizeBytes) || given.sizeBytes < 1) {
    throw refuse('invalid-attachment', `${name}: the size must be a whole number of bytes above 0`, 'invalid');
  }
  if (given.sizeBytes > rules.maxFileBytes) {
    throw refuse(
      'attachment-too-large',
      `${name} has ${given.sizeBytes} bytes; a file may have at most ${rules.maxFileBytes}`,
      'invalid',
    );
  }
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
