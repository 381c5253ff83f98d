import type { CommandContext } from '@app/platform';
import type { FormPanelRequest } from './form-panel.request.dto';

export class FormPanelCommand {
  constructor(
    readonly selectionId: string,
    readonly request: FormPanelRequest,
    readonly context: CommandContext,
  ) {}
}
