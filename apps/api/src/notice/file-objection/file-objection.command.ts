import type { CommandContext } from '@app/platform';
import type { FileObjectionRequest } from './file-objection.request.dto';

export class FileObjectionCommand {
  constructor(
    readonly selectionId: string,
    readonly request: FileObjectionRequest,
    readonly context: CommandContext,
  ) {}
}
