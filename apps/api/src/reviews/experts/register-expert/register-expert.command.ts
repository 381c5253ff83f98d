import type { CommandContext } from '@app/platform';
import type { RegisterExpertRequest } from './register-expert.request.dto';

export class RegisterExpertCommand {
  constructor(
    readonly request: RegisterExpertRequest,
    readonly context: CommandContext,
  ) {}
}
