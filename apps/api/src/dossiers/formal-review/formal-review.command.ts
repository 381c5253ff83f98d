import type { CommandContext } from '@app/platform';
import type { FormalReviewRequest } from './formal-review.request.dto';

export class FormalReviewCommand {
  constructor(
    readonly dossierId: string,
    readonly request: FormalReviewRequest,
    readonly context: CommandContext,
  ) {}
}
