import type { CommandContext } from '@app/platform';

/** `plan` starts expert review; `replacements` fills places freed by recusals or left unfilled. */
export type AssignmentRound = 'plan' | 'replacements';

export class PlanAssignmentsCommand {
  constructor(
    readonly selectionId: string,
    readonly round: AssignmentRound,
    readonly seed: string | undefined,
    readonly context: CommandContext,
    /** Only for `plan`: the last day of scoring. */
    readonly reviewDeadlineDate?: string,
  ) {}
}
