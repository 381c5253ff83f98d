import type { LocalDate } from '../calendar';
import type { CallRules, ProgrammeCode } from '../programmes';
import { refuse } from '../shared/refusal';

/** Where a selection is in its year, in order. */
export type SelectionPhase =
  | 'open'
  | 'formal-review'
  | 'formal-review-closed'
  | 'expert-review'
  | 'review-closed'
  | 'notice'
  | 'awards-decided'
  | 'published';

export const SELECTION_PHASES: readonly SelectionPhase[] = [
  'open',
  'formal-review',
  'formal-review-closed',
  'expert-review',
  'review-closed',
  'notice',
  'awards-decided',
  'published',
];

export interface NoticePeriod {
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
  readonly workingDays: number;
  /** First instant of startsOn and last instant of endsOn, Asia/Shanghai. */
  readonly startsAt: string;
  readonly endsAt: string;
}

/**
 * What a dossier command needs to know about its selection, read by the application from the
 * selection stream (see selectionFactsOf) and carried on the command.
 */
export interface SelectionFacts {
  readonly selectionId: string;
  readonly programme: ProgrammeCode;
  readonly phase: SelectionPhase;
  readonly submissionDeadlineDate: LocalDate;
  /** The last instant of the deadline date in Asia/Shanghai. */
  readonly submissionDeadline: string;
  readonly rules: CallRules;
  /** The review stage in progress (1-based); absent where built before stages: 1. */
  readonly stage?: number;
  readonly notice: NoticePeriod | null;
  /** Dossiers currently selected on the frozen shortlist (after any 递补). */
  readonly selectedDossierIds: readonly string[];
}

/** The phase in words a person can act on, e.g. "submissions closed on 2026-03-31; ...". */
export function describePhase(facts: Pick<SelectionFacts, 'phase' | 'submissionDeadlineDate' | 'notice'>): string {
  switch (facts.phase) {
    case 'open':
      return `the selection is open for submissions until the end of ${facts.submissionDeadlineDate}`;
    case 'formal-review':
      return `submissions closed on ${facts.submissionDeadlineDate}; the selection is now in formal review`;
    case 'formal-review-closed':
      return 'formal review is closed and expert review has not started yet';
    case 'expert-review':
      return 'the selection is in expert review';
    case 'review-closed':
      return 'expert review is closed and the shortlist is frozen; the public notice has not started yet';
    case 'notice':
      return facts.notice
        ? `the selection is in public notice from ${facts.notice.startsOn} to ${facts.notice.endsOn}`
        : 'the selection is in public notice';
    case 'awards-decided':
      return 'the awards have been decided and await publication';
    case 'published':
      return 'the awards have been published';
  }
}

/** Refuses `wrong-phase` unless the selection is in one of the phases, saying where it is instead. */
export function requirePhase(
  facts: Pick<SelectionFacts, 'phase' | 'submissionDeadlineDate' | 'notice'>,
  allowed: readonly SelectionPhase[],
  action: string,
): void {
  if (!allowed.includes(facts.phase)) {
    throw refuse('wrong-phase', `${action} is not possible now: ${describePhase(facts)}`, 'conflict', {
      phase: facts.phase,
      allowed,
    });
  }
}
