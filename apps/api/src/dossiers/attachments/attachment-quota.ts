import { refuse } from '@app/domain/shared/refusal';
import type { AttachmentFiles } from './attachment-files';

/**
 * The per-dossier quota counted in bytes on disk, not only in recorded sizes: a file moved into place
 * whose event never came (a crash between the two) still takes its room, so nothing on disk escapes it.
 */
export async function requireRoomOnDisk(files: AttachmentFiles, dossierId: string, adding: number, maxTotalBytes: number): Promise<void> {
  const used = await files.bytesOnDisk(dossierId);
  if (used + adding > maxTotalBytes) {
    throw refuse(
      'attachment-quota-exceeded',
      `the dossier's files take ${used} bytes on disk; with ${adding} more they would pass the limit of ${maxTotalBytes} bytes — remove an attachment first`,
      'conflict',
      { usedBytes: used, maxTotalBytes },
    );
  }
}
