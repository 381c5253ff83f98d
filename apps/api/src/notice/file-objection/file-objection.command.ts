import type { CommandContext } from '@app/platform';
import type { StoredUpload } from '../../dossiers/attachments/hashing-disk-storage';
import type { FileObjectionRequest } from './file-objection.request.dto';

export class FileObjectionCommand {
  constructor(
    readonly selectionId: string,
    readonly request: FileObjectionRequest,
    readonly context: CommandContext,
    /** Evidence files as the upload stored them (temporary files, hashed); none for a JSON body. */
    readonly evidence: readonly StoredUpload[] = [],
  ) {}
}
