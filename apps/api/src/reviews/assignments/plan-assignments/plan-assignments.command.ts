import type { CommandContext } from '@app/platform';

/** `plan` starts expert review; `replacements` fills places freed by recusals or left unfilled. */
export type AssignmentRound = 'plan' | 'replacements';

/** 专家抽取 instead of the balanced plan (only when review starts), with reserves per dossier. */
export interface DrawChoice {
  readonly reservesPerDossier: number;
}

/** Reserves per dossier when the admin does not say: two, as the NSFC draw lists 备选. */
export const DEFAULT_DRAW_RESERVES = 2;

export class PlanAssignmentsCommand {
  constructor(
    readonly selectionId: string,
    readonly round: AssignmentRound,
    readonly seed: string | undefined,
    readonly context: CommandContext,
    /** Only for `plan`: the last day of scoring. */
    readonly reviewDeadlineDate?: string,
    /** Only for `plan`: draw the experts at random instead of the balanced plan. */
    readonly draw?: DrawChoice,
  ) {}
}
