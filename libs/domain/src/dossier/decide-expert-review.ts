import { replayDraw } from '../assignment/draw-experts';
import { requireSignedDeclaration } from '../commitments/commitment.decider';
import { ConflictDossier, ConflictExpert, findConflict, sharesField } from '../conflicts';
import type { CallRules } from '../programmes';
import { weightedTotal } from '../scoring';
import { requireRole, requireText } from '../selection/checks';
import { requirePhase } from '../selection/selection.phase';
import { refuse } from '../shared/refusal';
import type { AmendScore, AssignExpert, RecordDraw, RecuseExpert, SubmitScore } from './dossier.commands';
import type { DossierEvent } from './dossier.events';
import { requireDossier, requireOwnSelection, requireStatus } from './dossier.guards';
import type { Dossier, DossierState } from './dossier.state';
import { decidePanelRecusal, decidePanelScore, stageOfFacts } from './decide-panel-review';

const MAX_COMMENT_LENGTH = 2000;

/** The dossier as the conflict rules and the assignment planner see it. */
export function conflictDossierOf(dossier: Dossier, rules: Pick<CallRules, 'expertiseField'>): ConflictDossier {
  const field = dossier.fields[rules.expertiseField];
  return {
    dossierId: dossier.dossierId,
    applicantCreditCode: dossier.applicantCreditCode,
    excludedExpertIds: [...dossier.excludedExpertIds],
    recusedExpertIds: dossier.assignments.filter((assignment) => assignment.status === 'recused').map((assignment) => assignment.expertId),
    fields: field ? [field] : [],
  };
}

export function decideAssign(command: AssignExpert, state: DossierState): DossierEvent[] {
  requireRole(command.metadata, ['admin', 'system'], 'assign experts');
  const dossier = requireReview(command, state, 'assigning an expert');
  const { expert, selection } = command.data;
  if (stageOfFacts(selection) > 1) {
    throw refuse('panel-stage-has-no-plan', `stage ${stageOfFacts(selection)} is reviewed by its panel; experts are assigned in the online stage`, 'conflict');
  }
  const { rules } = selection;
  requireActiveExpert(expert);
  const earlier = dossier.assignments.find((assignment) => assignment.expertId === expert.expertId);
  if (earlier?.status === 'assigned') {
    throw refuse('expert-already-assigned', `expert ${expert.expertId} is already assigned to this dossier`);
  }
  if (earlier?.status === 'recused') {
    throw refuse('expert-recused', `expert ${expert.expertId} was recused from this dossier and cannot return to it`);
  }
  const active = dossier.assignments.filter((assignment) => assignment.status === 'assigned').length;
  if (active >= rules.expertsPerDossier) {
    throw refuse('assignment-slots-full', `all ${rules.expertsPerDossier} expert places of this dossier are taken`);
  }
  if (expert.load >= rules.maxDossiersPerExpert) {
    throw refuse(
      'expert-load-full',
      `expert ${expert.expertId} already reviews ${expert.load} dossiers, the most this selection allows`,
    );
  }
  const target = conflictDossierOf(dossier, rules);
  requireNoConflict(expert, target, `expert ${expert.expertId} cannot be assigned`);
  const { drawReserve } = command.data;
  if (drawReserve !== undefined && dossier.draw?.reserves[drawReserve] !== expert.expertId) {
    throw refuse('not-a-draw-reserve', `expert ${expert.expertId} is not reserve ${drawReserve + 1} of this dossier's draw`);
  }
  return [
    {
      type: 'ExpertAssigned',
      data: {
        dossierId: dossier.dossierId,
        expertId: expert.expertId,
        fieldMatch: sharesField(expert, target),
        ...(drawReserve !== undefined ? { drawReserve } : {}),
        assignedAt: command.metadata.now,
      },
    },
  ];
}

/**
 * 专家抽取: the record is written once per dossier, before any expert is assigned to it, and only
 * when replaying it gives the same experts (a record that does not replay is never stored).
 */
export function decideRecordDraw(command: RecordDraw, state: DossierState): DossierEvent[] {
  requireRole(command.metadata, ['admin', 'system'], 'record a draw of experts');
  const dossier = requireReview(command, state, 'drawing experts');
  const { record } = command.data;
  if (dossier.draw || dossier.assignments.length > 0) {
    throw refuse('draw-already-recorded', `dossier ${dossier.dossierId} already has its experts; a draw is made once, before any assignment`);
  }
  if (record.dossierId !== dossier.dossierId || !replayDraw(record).matches) {
    throw refuse('draw-record-invalid', `the draw record for ${record.dossierId} does not replay to its drawn experts`, 'invalid');
  }
  const { seed, candidates, drawn, reserves } = record;
  return [
    {
      type: 'ExpertsDrawn',
      data: { dossierId: dossier.dossierId, seed, candidates: [...candidates], drawn: [...drawn], reserves: [...reserves], drawnAt: command.metadata.now },
    },
  ];
}

/** 回避 after assignment: the expert leaves, his score (if any) stops counting, and the place is free. */
export function decideRecuse(command: RecuseExpert, state: DossierState): DossierEvent[] {
  const { actor } = command.metadata;
  const { expertId } = command.data;
  if (!(actor.role === 'expert' && actor.expertId === expertId)) {
    requireRole(command.metadata, ['admin', 'system'], 'recuse another expert');
  }
  const dossier = requireReview(command, state, 'recusing an expert');
  if (stageOfFacts(command.data.selection) > 1) return decidePanelRecusal(command, dossier);
  const assignment = dossier.assignments.find((candidate) => candidate.expertId === expertId);
  if (assignment?.status !== 'assigned') {
    throw refuse('expert-not-assigned', `expert ${expertId} is not assigned to this dossier`, 'not-found');
  }
  return [
    {
      type: 'ExpertRecused',
      data: {
        dossierId: dossier.dossierId,
        expertId,
        reason: requireText(command.data.reason, 'the reason for recusal', 500),
        scoreDiscarded: dossier.scores.some((score) => score.expertId === expertId),
        recusedAt: command.metadata.now,
      },
    },
  ];
}

export function decideScore(command: SubmitScore | AmendScore, state: DossierState): DossierEvent[] {
  const { expert, selection } = command.data;
  const { actor } = command.metadata;
  if (actor.role !== 'expert' || actor.expertId !== expert.expertId) {
    throw refuse('forbidden', `only expert ${expert.expertId} may give his own score`, 'forbidden');
  }
  const dossier = requireReview(command, state, 'scoring');
  if (stageOfFacts(selection) > 1) return decidePanelScore(command, dossier);
  const assignment = dossier.assignments.find((candidate) => candidate.expertId === expert.expertId);
  if (!assignment) {
    throw refuse('expert-not-assigned', 'only an expert assigned to this dossier may score it', 'forbidden');
  }
  if (assignment.status === 'recused') {
    throw refuse('expert-recused', `expert ${expert.expertId} was recused from this dossier and may not score it`, 'forbidden');
  }
  requireSignedDeclaration(command.data.declaration, dossier.selectionId, expert.expertId);
  requireActiveExpert(expert);
  requireNoConflict(
    expert,
    conflictDossierOf(dossier, selection.rules),
    'the score cannot be accepted; ask the administrator to recuse you',
  );

  const earlier = dossier.scores.find((score) => score.expertId === expert.expertId);
  if (command.type === 'SubmitScore' && earlier) {
    throw refuse('score-already-submitted', 'you have already scored this dossier; amend the score instead');
  }
  if (command.type === 'AmendScore' && !earlier) {
    throw refuse('score-not-submitted', 'there is no score to amend; submit one first');
  }
  const points = { ...command.data.points };
  const total = weightedTotal(selection.rules.rubric, points);
  const comment = requireText(command.data.comment, 'the comment', MAX_COMMENT_LENGTH);
  const base = { dossierId: dossier.dossierId, expertId: expert.expertId, points, total, comment };
  if (command.type === 'SubmitScore') {
    return [{ type: 'ScoreSubmitted', data: { ...base, submittedAt: command.metadata.now } }];
  }
  if (earlier && sameScore(earlier.points, points) && earlier.comment === comment) {
    throw refuse('nothing-to-change', 'the amended score is the same as the one given', 'invalid');
  }
  return [{ type: 'ScoreAmended', data: { ...base, amendedAt: command.metadata.now } }];
}

function requireReview(
  command: AssignExpert | RecordDraw | RecuseExpert | SubmitScore | AmendScore,
  state: DossierState,
  action: string,
): Dossier {
  const dossier = requireDossier(state);
  requireOwnSelection(dossier, command.data.selection);
  requirePhase(command.data.selection, ['expert-review'], action);
  requireStatus(dossier, ['passed'], action);
  return dossier;
}

function requireActiveExpert(expert: ConflictExpert): void {
  if (!expert.active) throw refuse('expert-deactivated', `expert ${expert.expertId} is deactivated`);
}

function requireNoConflict(expert: ConflictExpert, dossier: ConflictDossier, consequence: string): void {
  const conflict = findConflict(expert, dossier);
  if (conflict) {
    throw refuse('conflict-of-interest', `${consequence}: ${conflict.reason}`, 'conflict', { conflict: conflict.code });
  }
}

function sameScore(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
