/**
 * The leading bytes each accepted media type starts with. The declared type comes from the client;
 * checking the bytes keeps a renamed executable or HTML page from passing as a PDF.
 */
const SIGNATURES: Readonly<Record<string, readonly number[][]>> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  // DOCX and XLSX are ZIP containers.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [[0x50, 0x4b, 0x03, 0x04]],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [[0x50, 0x4b, 0x03, 0x04]],
};

/** True when the media type is one we accept but the content does not start as such a file does. */
export function contentContradicts(mediaType: string, head: Buffer): boolean {
  const signatures = SIGNATURES[mediaType.trim().toLowerCase()];
  if (!signatures) return false; // not an accepted type: the domain refuses it with its own reason
  return !signatures.some((signature) => signature.every((byte, index) => head[index] === byte));
}
