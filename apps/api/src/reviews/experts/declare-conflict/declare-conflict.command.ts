import type { CommandContext } from '@app/platform';
import type { DeclareConflictRequest } from './declare-conflict.request.dto';

export class DeclareConflictCommand {
  constructor(
    readonly expertId: string,
    readonly request: DeclareConflictRequest,
    readonly context: CommandContext,
  ) {}
}
