import type { CommandContext } from '@app/platform';
import type { ResolveObjectionRequest } from './resolve-objection.request.dto';

export class ResolveObjectionCommand {
  constructor(
    readonly objectionId: string,
    readonly request: ResolveObjectionRequest,
    readonly context: CommandContext,
  ) {}
}
