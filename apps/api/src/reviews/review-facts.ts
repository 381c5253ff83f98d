import { Injectable } from '@nestjs/common';
import type { DrawRecord, PlannedAssignment } from '@app/domain/assignment';
import type { ConflictExpert } from '@app/domain/conflicts';
import type { Dossier, DossierCommand, DossierEvent, DossierState } from '@app/domain/dossier';
import { conflictExpertOf } from '@app/domain/expert';
import type { SelectionFacts } from '@app/domain/selection/selection.phase';
import type { CommandMetadata } from '@app/domain/shared/command-metadata';
import type { Decider } from '@app/domain/shared/decider';
import { refuse } from '@app/domain/shared/refusal';
import type { UnitOfWork } from '@app/platform';
import { StreamDirectory } from '../workflow/stream-directory';
import { ReviewReads } from './review-reads';

export const dossierStreamOf = (dossierId: string) => `dossier-${dossierId}`;
export const expertStreamOf = (expertId: string) => `expert-${expertId}`;

/** How many dossiers of the selection each expert holds now (recused places do not count). */
export function loadsOf(dossiers: readonly Dossier[]): Map<string, number> {
  const loads = new Map<string, number>();
  for (const dossier of dossiers) {
    for (const assignment of dossier.assignments) {
      if (assignment.status === 'assigned') loads.set(assignment.expertId, (loads.get(assignment.expertId) ?? 0) + 1);
    }
  }
  return loads;
}

/** The fold the plan read its dossiers with (assignmentPlanningDecider): the assignments are decided on it. */
export type DossierFold = Decider<DossierCommand, DossierEvent, DossierState>;

/**
 * The facts review commands carry from other streams (see full-year.test-support.ts), and the
 * process-manager step that turns a selection's plan into AssignExpert on each dossier.
 */
@Injectable()
export class ReviewFacts {
  constructor(
    private readonly directory: StreamDirectory,
    private readonly reads: ReviewReads,
  ) {}

  /** Every registered expert as the conflict rules and the planner see him. */
  async pool(): Promise<ConflictExpert[]> {
    return (await this.reads.experts()).map(conflictExpertOf);
  }

  /** The expert of a signed-in expert account, as his own score commands carry him. */
  async expertOf(metadata: CommandMetadata): Promise<ConflictExpert> {
    const expertId = metadata.actor.expertId;
    if (!expertId) throw refuse('forbidden', 'this account is not linked to an expert', 'forbidden');
    return conflictExpertOf((await this.directory.expert(expertId)).value);
  }

  /**
   * Decides AssignExpert for every planned pair inside `unit`, so the plan and the assignments it
   * causes are written in one atomic append. Loads count up as the pairs are assigned. `fold` is the
   * decider the dossiers were read with, so each stream is decided on the state already in the unit.
   */
  async assignPlanned(
    unit: UnitOfWork,
    fold: DossierFold,
    selection: SelectionFacts,
    dossiers: readonly Dossier[],
    pool: readonly ConflictExpert[],
    planned: readonly PlannedAssignment[],
    metadata: CommandMetadata,
    reserveCalls: readonly { readonly dossierId: string; readonly expertId: string; readonly reserveIndex: number }[] = [],
  ): Promise<void> {
    const loads = loadsOf(dossiers);
    const reserveOf = new Map(reserveCalls.map((call) => [`${call.dossierId}/${call.expertId}`, call.reserveIndex]));
    const experts = new Map(pool.map((candidate) => [candidate.expertId, candidate]));
    for (const { dossierId, expertId } of planned) {
      const expert = experts.get(expertId);
      if (!expert) throw refuse('expert-not-found', `the plan names an unknown expert ${expertId}`, 'conflict');
      const load = loads.get(expertId) ?? 0;
      await unit.decide(dossierStreamOf(dossierId), fold, {
        type: 'AssignExpert',
        data: { dossierId, selection, expert: { ...expert, load }, drawReserve: reserveOf.get(`${dossierId}/${expertId}`) },
        metadata,
      });
      loads.set(expertId, load + 1);
    }
  }

  /** 专家抽取: each drawn dossier's record on its own stream, in the same unit as the round and its assignments. */
  async recordDraws(unit: UnitOfWork, fold: DossierFold, selection: SelectionFacts, records: readonly DrawRecord[], metadata: CommandMetadata): Promise<void> {
    for (const record of records) {
      await unit.decide(dossierStreamOf(record.dossierId), fold, {
        type: 'RecordDraw',
        data: { dossierId: record.dossierId, selection, record },
        metadata,
      });
    }
  }
}
