import { assertLocalDate, shanghaiDate } from '../calendar';
import type { LocalDate } from '../calendar';
import { callReserves, drawRound, planAssignment } from '../assignment';
import type { AssignmentPlan, DrawRecord, PlannedAssignment } from '../assignment';
import type { ConflictDossier } from '../conflicts';
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
  /** 专家抽取: each drawn dossier's record, which goes on its stream (ExpertsDrawn) before its assignments. */
  readonly draws: readonly DrawRecord[];
  /** Pairs of this round that are a drawn dossier's reserves, with their place in its record. */
  readonly reserveCalls: readonly { readonly dossierId: string; readonly expertId: string; readonly reserveIndex: number }[];
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
  const { draw } = command.data;
  const round = { dossiers, experts, expertsPerDossier: rules.expertsPerDossier, maxPerExpert: rules.maxDossiersPerExpert, seed };
  const drawn = draw ? drawRound({ ...round, reservesPerDossier: requireReserveCount(draw.reservesPerDossier) }) : null;
  const plan = drawn ? drawn.plan : planAssignment(round);
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
        ...(draw ? { method: 'draw' as const, reservesPerDossier: draw.reservesPerDossier } : {}),
        startedAt: command.metadata.now,
      },
    },
  ];
  return { events, round: 1, seed, plan, draws: drawn?.records ?? [], reserveCalls: [] };
}

/** Reserves per drawn dossier: 0 … 10, so a record stays small. */
function requireReserveCount(reserves: number): number {
  if (!Number.isSafeInteger(reserves) || reserves < 0 || reserves > 10) {
    throw refuse('invalid-reserve-count', `reserves per dossier must be a whole number from 0 to 10, got ${reserves}`, 'invalid');
  }
  return reserves;
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
  const { expertsPerDossier, maxDossiersPerExpert } = selection.rules;
  const reserveCalls = reservesFor(command, existing, expertsPerDossier, maxDossiersPerExpert);
  // The planner fills what the reserves could not, around the reserves just called.
  const planned = planAssignment({
    dossiers,
    experts,
    expertsPerDossier,
    maxPerExpert: maxDossiersPerExpert,
    seed,
    existing: [...existing, ...reserveCalls],
  });
  const plan: AssignmentPlan = {
    ...planned,
    assignments: [...reserveCalls.map(({ dossierId, expertId }) => ({ dossierId, expertId, fieldMatch: true })), ...planned.assignments].sort(comparePairs),
  };
  const events: SelectionEvent[] = [
    {
      type: 'ReplacementAssignmentsPlanned',
      data: {
        selectionId: selection.selectionId,
        round,
        seed,
        ...planRoundSummaryOf(plan.assignments, plan.unfilled),
        ...(reserveCalls.length > 0 ? { fromReserves: reserveCalls.length } : {}),
        plannedAt: command.metadata.now,
      },
    },
  ];
  return { events, round, seed, plan, draws: [], reserveCalls };
}

/**
 * 备选专家递补: each drawn dossier's open places go to its reserves in the recorded order (callReserves);
 * the loads start from the assignments in force. Recused experts are in the dossier's recusedExpertIds.
 */
function reservesFor(
  command: PlanReplacementAssignments,
  existing: PlanReplacementAssignments['data']['existing'],
  expertsPerDossier: number,
  maxPerExpert: number,
): { dossierId: string; expertId: string; reserveIndex: number }[] {
  const records = new Map((command.data.draws ?? []).map((record) => [record.dossierId, record]));
  if (records.size === 0) return [];
  const experts = new Map(command.data.experts.map((expert) => [expert.expertId, expert]));
  const loads = new Map<string, number>();
  const heldBy = new Map<string, string[]>(); // once, not per dossier: a round may see every pair of the selection
  for (const { dossierId, expertId } of existing) {
    loads.set(expertId, (loads.get(expertId) ?? 0) + 1);
    heldBy.set(dossierId, [...(heldBy.get(dossierId) ?? []), expertId]);
  }
  return command.data.dossiers.flatMap((dossier) => {
    const record = records.get(dossier.dossierId);
    if (!record) return [];
    const held = heldBy.get(dossier.dossierId) ?? [];
    const onDossier = [...held, ...(dossier.recusedExpertIds ?? [])];
    const missing = expertsPerDossier - held.length;
    return callReserves({ dossier, record, onDossier, experts, loads, maxPerExpert, missing }).map((call) => ({ dossierId: dossier.dossierId, ...call }));
  });
}

function comparePairs(a: PlannedAssignment, b: PlannedAssignment): number {
  const byDossier = a.dossierId < b.dossierId ? -1 : a.dossierId > b.dossierId ? 1 : 0;
  return byDossier || (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0);
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
