import type { CommandContext } from '@app/platform';
import type { OpenSelectionRequest } from './open-selection.request.dto';

export class OpenSelectionCommand {
  constructor(
    readonly request: OpenSelectionRequest,
    readonly context: CommandContext,
  ) {}
}
