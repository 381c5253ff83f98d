import { randomBytes } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { conflictDossierOf } from '@app/domain/dossier';
import type { Dossier } from '@app/domain/dossier';
import {
  Selection,
  assignmentPlanningDecider,
  decideAssignmentRound,
  selectionDecider,
  selectionFactsOf,
  selectionStreamOf,
} from '@app/domain/selection';
import type { PlanReplacementAssignments, StartExpertReview } from '@app/domain/selection';
import { refuse } from '@app/domain/shared/refusal';
import type { UnitOfWork } from '@app/platform';
import { CommandRunner } from '../../../workflow/command-runner';
import { StreamDirectory } from '../../../workflow/stream-directory';
import { readRounds } from '../../../workflow/read-rounds';
import { DossierFold, ReviewFacts, dossierStreamOf } from '../../review-facts';
import { PlanAssignmentsCommand } from './plan-assignments.command';
import type { AssignmentPlanResponse } from './plan-assignments.request.dto';

/**
 * The selection decides the plan (StartExpertReview or PlanReplacementAssignments); the process
 * manager step then assigns each planned pair on its dossier — all in one atomic append, so a plan is
 * never recorded without its assignments nor the other way round.
 */
@CommandHandler(PlanAssignmentsCommand)
export class PlanAssignmentsHandler implements ICommandHandler<PlanAssignmentsCommand, AssignmentPlanResponse> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: StreamDirectory,
    private readonly facts: ReviewFacts,
  ) {}

  async execute({ selectionId, round, seed, context, reviewDeadlineDate, draw }: PlanAssignmentsCommand): Promise<AssignmentPlanResponse> {
    if (draw && round !== 'plan') {
      throw refuse('draw-only-at-start', 'experts are drawn when review starts; a replacement round calls the reserves of drawn dossiers', 'invalid');
    }
    // A draw's seed must not be guessable in advance: without one given, a random one is recorded.
    const roundSeed = seed ?? (draw ? randomBytes(8).toString('hex') : undefined);
    const stream = selectionStreamOf(selectionId);
    await this.directory.selection(selectionId); // 404 before anything else
    const result = await this.runner.run(round === 'plan' ? 'StartExpertReview' : 'PlanReplacementAssignments', context, async (unit) => {
      const selection = (await unit.load(stream, selectionDecider)).state as Selection;
      const fold = assignmentPlanningDecider(selection.rules);
      const dossiers = await this.dossiers(unit, fold, round === 'plan' ? selection.passedDossierIds : selection.reviewDossierIds);
      const pool = await this.facts.pool();
      const command = this.planCommand(selection, dossiers, pool, round, roundSeed, reviewDeadlineDate, context.metadata, draw);
      // The selection's event keeps counts; the pairs go to the dossier streams as ExpertAssigned.
      const { state, value: decision } = await unit.decideWith(stream, selectionDecider, (current) => {
        const decided = decideAssignmentRound(command, current);
        return { events: decided.events, value: decided };
      });
      const facts = selectionFactsOf(state as Selection);
      await this.facts.recordDraws(unit, fold, facts, decision.draws, context.metadata);
      await this.facts.assignPlanned(unit, fold, facts, dossiers, pool, decision.plan.assignments, context.metadata, decision.reserveCalls);
      const { assignments, unfilled, loads } = decision.plan;
      const reserveOf = new Map(decision.reserveCalls.map((call) => [`${call.dossierId}/${call.expertId}`, call.reserveIndex]));
      return {
        round: decision.round,
        seed: decision.seed,
        method: (draw ? 'draw' : 'balanced') as 'draw' | 'balanced',
        assignments: assignments.map((pair) => {
          const reserveIndex = reserveOf.get(`${pair.dossierId}/${pair.expertId}`);
          return reserveIndex === undefined ? { ...pair } : { ...pair, drawReserve: reserveIndex };
        }),
        unfilled: [...unfilled],
        loads,
        draws: decision.draws.map((record) => ({ ...record, candidates: [...record.candidates], drawn: [...record.drawn], reserves: [...record.reserves] })),
      };
    }, { stream });
    return { selectionId, ...result.value, revision: String(result.revisions.get(stream) ?? '') };
  }

  /**
   * The selection's dossiers read through the unit in rounds (readRounds), as the planning fold
   * keeps them (no content but the expertise field, no attachments or scores): each AssignExpert then
   * decides on the stream already read (one read per dossier, not one more per planned pair), and the
   * append checks the revisions read here.
   */
  private async dossiers(unit: UnitOfWork, fold: DossierFold, dossierIds: readonly string[]): Promise<Dossier[]> {
    const dossiers: Dossier[] = [];
    for (const ids of readRounds(dossierIds)) {
      const streams = await unit.loadMany(ids.map(dossierStreamOf), fold);
      for (const { state } of streams.values()) if (state.status !== 'none') dossiers.push(state);
    }
    return dossiers;
  }

  private planCommand(
    selection: Selection,
    dossiers: readonly Dossier[],
    pool: Awaited<ReturnType<ReviewFacts['pool']>>,
    round: PlanAssignmentsCommand['round'],
    seed: string | undefined,
    reviewDeadlineDate: string | undefined,
    metadata: PlanAssignmentsCommand['context']['metadata'],
    draw: PlanAssignmentsCommand['draw'],
  ): StartExpertReview | PlanReplacementAssignments {
    if (round === 'plan') {
      const passedIds = new Set(selection.passedDossierIds);
      const passed = dossiers.filter((dossier) => dossier.status === 'passed' && passedIds.has(dossier.dossierId));
      return {
        type: 'StartExpertReview',
        data: {
          dossiers: passed.map((dossier) => conflictDossierOf(dossier, selection.rules)),
          experts: pool,
          ...(seed ? { seed } : {}),
          ...(reviewDeadlineDate ? { reviewDeadlineDate } : {}),
          ...(draw ? { draw } : {}),
        },
        metadata,
      };
    }
    if (reviewDeadlineDate) {
      throw refuse('deadline-only-at-start', 'the review deadline is set when review starts; a replacement round keeps it', 'invalid');
    }
    const reviewIds = new Set(selection.reviewDossierIds);
    const inReview = dossiers.filter((dossier) => dossier.status === 'passed' && reviewIds.has(dossier.dossierId));
    const held = (dossier: Dossier) => dossier.assignments.filter((assignment) => assignment.status === 'assigned');
    const open = inReview.filter((dossier) => held(dossier).length < selection.rules.expertsPerDossier);
    if (selection.phase === 'expert-review' && open.length === 0) {
      throw refuse('no-open-places', 'every dossier under review has all its experts; nothing to replace');
    }
    return {
      type: 'PlanReplacementAssignments',
      data: {
        dossiers: open.map((dossier) => conflictDossierOf(dossier, selection.rules)),
        experts: pool,
        existing: inReview.flatMap((dossier) => held(dossier).map((assignment) => ({ dossierId: dossier.dossierId, expertId: assignment.expertId }))),
        draws: open.flatMap((dossier) => (dossier.draw ? [{ dossierId: dossier.dossierId, ...dossier.draw }] : [])),
        ...(seed ? { seed } : {}),
      },
      metadata,
    };
  }
}
