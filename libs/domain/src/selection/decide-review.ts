import { assertLocalDate, shanghaiDate } from '../calendar';
import type { LocalDate } from '../calendar';
import { planAssignment } from '../assignment';
import type { AssignmentPlan } from '../assignment';
import { rankShortlist } from '../ranking';
import { reviewStagesOf } from '../programmes/review-stages';
import { refuse } from '../shared/refusal';
import { requireRole } from './checks';
import { requireSelection } from './decide-call';
import type { CloseReview, PlanReplacementAssignments, StartExpertReview } from './selection.commands';
import type { SelectionEvent } from './selection.events';
import { planRoundSummaryOf } from './selection.upcast';
import { requirePhase } from './selection.phase';
import type { SelectionState } from './selection.state';
import { finalCandidatesOf, rankStage, requireDossiersFrom } from './rank-stage';

/**
 * A planning round's decision: the selection's event (counts and ids only) and the plan itself,
 * whose pairs the caller assigns on the dossier streams in the same append (ExpertAssigned).
 */
export interface AssignmentRoundDecision {
  readonly events: SelectionEvent[];
  readonly round: number;
  readonly seed: string;
  readonly plan: AssignmentPlan;
}

/** StartExpertReview or PlanReplacementAssignments, with the plan the event summarises. */
export function decideAssignmentRound(command: StartExpertReview | PlanReplacementAssignments, state: SelectionState): AssignmentRoundDecision {
  return command.type === 'StartExpertReview' ? planExpertReview(command, state) : planReplacements(command, state);
}

export function decideStartExpertReview(command: StartExpertReview, state: SelectionState): SelectionEvent[] {
  return planExpertReview(command, state).events;
}

export function decidePlanReplacements(command: PlanReplacementAssignments, state: SelectionState): SelectionEvent[] {
  return planReplacements(command, state).events;
}

/** Plans who reviews what (uses planAssignment); unfilled places are counted on the event, their reasons answered. */
function planExpertReview(command: StartExpertReview, state: SelectionState): AssignmentRoundDecision {
  requireRole(command.metadata, ['admin'], 'start expert review');
  const selection = requireSelection(state);
  requirePhase(selection, ['formal-review-closed'], 'starting expert review');
  const { dossiers, experts } = command.data;
  if (dossiers.length === 0) throw refuse('nothing-to-review', 'no dossier is given for expert review', 'invalid');
  requireDossiersFrom(dossiers, selection.passedDossierIds, 'did not pass formal review');
  if (!experts.some((expert) => expert.active)) {
    throw refuse('no-experts', 'the expert pool has no active expert; register or reactivate experts first');
  }
  const seed = command.data.seed ?? selection.selectionId;
  const reviewDeadlineDate = reviewDeadlineOf(command);
  const { rules } = selection;
  const plan = planAssignment({
    dossiers,
    experts,
    expertsPerDossier: rules.expertsPerDossier,
    maxPerExpert: rules.maxDossiersPerExpert,
    seed,
  });
  const events: SelectionEvent[] = [
    {
      type: 'ExpertReviewStarted',
      data: {
        selectionId: selection.selectionId,
        dossierIds: dossiers.map((dossier) => dossier.dossierId),
        seed,
        expertsPerDossier: rules.expertsPerDossier,
        maxPerExpert: rules.maxDossiersPerExpert,
        ...planRoundSummaryOf(plan.assignments, plan.unfilled),
        reviewDeadlineDate,
        startedAt: command.metadata.now,
      },
    },
  ];
  return { events, round: 1, seed, plan };
}

function reviewDeadlineOf(command: StartExpertReview): LocalDate | null {
  if (command.data.reviewDeadlineDate === undefined) return null;
  const deadline = assertLocalDate(command.data.reviewDeadlineDate, 'the review deadline');
  const today = shanghaiDate(command.metadata.now);
  if (deadline < today) {
    throw refuse('review-deadline-past', `the review deadline ${deadline} is before today (${today}); experts need at least today`, 'invalid');
  }
  return deadline;
}

/** Another round, for places freed by recusals or left unfilled, keeping what is assigned. */
function planReplacements(command: PlanReplacementAssignments, state: SelectionState): AssignmentRoundDecision {
  requireRole(command.metadata, ['admin'], 'plan replacement assignments');
  const selection = requireSelection(state);
  requirePhase(selection, ['expert-review'], 'planning replacement assignments');
  if (selection.stage > 1) {
    throw refuse('panel-stage-has-no-plan', `stage ${selection.stage} is reviewed by its panel; replacement rounds are for the online stage`, 'conflict');
  }
  const { dossiers, experts, existing } = command.data;
  if (dossiers.length === 0) throw refuse('nothing-to-review', 'no dossier is given for replacement', 'invalid');
  requireDossiersFrom(dossiers, selection.reviewDossierIds, 'is not in expert review');
  const round = selection.assignmentRounds + 1;
  const seed = command.data.seed ?? `${selection.selectionId}/round-${round}`;
  const plan = planAssignment({
    dossiers,
    experts,
    expertsPerDossier: selection.rules.expertsPerDossier,
    maxPerExpert: selection.rules.maxDossiersPerExpert,
    seed,
    existing,
  });
  const events: SelectionEvent[] = [
    {
      type: 'ReplacementAssignmentsPlanned',
      data: {
        selectionId: selection.selectionId,
        round,
        seed,
        ...planRoundSummaryOf(plan.assignments, plan.unfilled),
        plannedAt: command.metadata.now,
      },
    },
  ];
  return { events, round, seed, plan };
}

/**
 * Freezes the ranked shortlist with its reserves (rankStage + rankShortlist) when the last review
 * stage closes. The candidates and scores are read from the dossier streams; every candidate needs
 * the stage's minimum of valid scores. With weights, the final figure combines every stage's aggregate.
 */
export function decideCloseReview(command: CloseReview, state: SelectionState): SelectionEvent[] {
  requireRole(command.metadata, ['admin'], 'close expert review');
  const selection = requireSelection(state);
  requirePhase(selection, ['expert-review'], 'closing expert review');
  const stages = reviewStagesOf(selection.rules);
  if (selection.stage < stages.length) {
    const stage = stages[selection.stage - 1];
    throw refuse(
      'review-stage-not-last',
      `stage ${selection.stage} (${stage.name}) is not the last review stage; close it to put dossiers forward to ${stages[selection.stage].name}`,
      'conflict',
      { stage: selection.stage, stages: stages.length },
    );
  }
  const { candidates, scores } = command.data;
  const { rules } = selection;
  const stage = rankStage(selection, candidates, scores);
  const shortlist = rankShortlist({
    candidates: finalCandidatesOf(selection, stage.ranked),
    quotas: rules.tiers.map((tier) => ({ tier: tier.code, quota: tier.quota })),
    minimumScore: rules.minimumScore,
    reservesPerTier: rules.reservesPerTier,
  });
  const staged = stages.length > 1 ? { stage: selection.stage, noShowWithdrawnIds: stage.noShowWithdrawnIds } : {};
  return [
    {
      type: 'ReviewClosed',
      data: {
        selectionId: selection.selectionId,
        aggregates: [...stage.aggregates],
        shortlist,
        ...staged,
        closedAt: command.metadata.now,
      },
    },
  ];
}
