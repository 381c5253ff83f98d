import type { CommandContext } from '@app/platform';

/** 有效评审意见: declare one expert's score invalid, or mark the dossier not evaluable. */
export class ValidReviewsCommand {
  constructor(
    readonly dossierId: string,
    readonly action: { readonly kind: 'invalidate-score'; readonly expertId: string; readonly stage?: number } | { readonly kind: 'not-evaluable' },
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}
