import { reviewStageOf } from '../programmes/review-stages';
import { stageOfFacts } from './decide-panel-review';
import { requireRole, requireText } from '../selection/checks';
import { requirePhase } from '../selection/selection.phase';
import { refuse } from '../shared/refusal';
import type { InvalidateScore, MarkNotEvaluable } from './dossier.commands';
import type { DossierEvent } from './dossier.events';
import { requireDossier, requireOwnSelection, requireStatus } from './dossier.guards';
import { Dossier, DossierState, scoresInStage } from './dossier.state';

const MAX_REASON_LENGTH = 500;

/** 有效评审意见: the admin declares a score invalid with a reason; it stops counting and its place is free. */
export function decideInvalidateScore(command: InvalidateScore, state: DossierState): DossierEvent[] {
  requireRole(command.metadata, ['admin'], 'declare a score invalid');
  const dossier = requireInReview(command, state, 'declaring a score invalid');
  const { expertId } = command.data;
  const stage = stageOfFacts(command.data.selection);
  const seenIn = command.data.stage;
  if (seenIn !== undefined && seenIn !== stage) {
    throw refuse('review-stage-changed', `the score was shown in review stage ${seenIn}; stage ${stage} is running now`, 'conflict', { seenIn, stage });
  }
  const score = scoresInStage(dossier, stage).find((candidate) => candidate.expertId === expertId);
  if (!score) throw refuse('score-not-found', `expert ${expertId} has no score on this dossier that counts in this stage`, 'not-found');
  const reason = requireText(command.data.reason, 'the reason the score is invalid', MAX_REASON_LENGTH);
  const staged = stage > 1 ? { stage } : {};
  return [
    { type: 'ScoreInvalidated', data: { dossierId: dossier.dossierId, expertId, total: score.total, reason, invalidatedAt: command.metadata.now, ...staged } },
  ];
}

/**
 * A dossier that cannot reach the valid-review minimum (no more experts of its field, conflicts) is
 * marked not evaluable with a reason: it leaves the ranking and closing review no longer waits for it.
 * One that has enough valid reviews is ranked, not marked.
 */
export function decideMarkNotEvaluable(command: MarkNotEvaluable, state: DossierState): DossierEvent[] {
  requireRole(command.metadata, ['admin'], 'mark a dossier not evaluable');
  const dossier = requireInReview(command, state, 'marking a dossier not evaluable');
  if (dossier.notEvaluable) {
    throw refuse('dossier-already-not-evaluable', `the dossier was marked not evaluable at ${dossier.notEvaluable.markedAt}`);
  }
  const stage = stageOfFacts(command.data.selection);
  const minimum = reviewStageOf(command.data.selection.rules, stage).minimumValidReviews;
  const validReviews = scoresInStage(dossier, stage).length;
  if (validReviews >= minimum) {
    throw refuse('dossier-evaluable', `the dossier has ${validReviews} valid reviews, at least the ${minimum} required; it is ranked`, 'conflict', {
      validReviews,
      minimum,
    });
  }
  const reason = requireText(command.data.reason, 'the reason the dossier cannot be evaluated', MAX_REASON_LENGTH);
  return [{ type: 'DossierMarkedNotEvaluable', data: { dossierId: dossier.dossierId, validReviews, minimum, reason, markedAt: command.metadata.now } }];
}

function requireInReview(command: InvalidateScore | MarkNotEvaluable, state: DossierState, action: string): Dossier {
  const dossier = requireDossier(state);
  requireOwnSelection(dossier, command.data.selection);
  requirePhase(command.data.selection, ['expert-review'], action);
  requireStatus(dossier, ['passed'], action);
  return dossier;
}
