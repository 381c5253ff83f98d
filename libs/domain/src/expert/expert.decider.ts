import { assertCreditCode } from '../credit-code';
import type { CommandMetadata } from '../shared/command-metadata';
import type { Decider } from '../shared/decider';
import { refuse } from '../shared/refusal';
import type { ExpertCommand } from './expert.commands';
import type { ExpertEvent } from './expert.events';
import type { ExpertState, RegisteredExpert } from './expert.state';

const MAX_FIELDS = 10;

export const expertDecider: Decider<ExpertCommand, ExpertEvent, ExpertState> = {
  initialState: () => ({ status: 'none' }),
  decide,
  evolve,
};

function decide(command: ExpertCommand, state: ExpertState): ExpertEvent[] {
  switch (command.type) {
    case 'RegisterExpert': {
      requireAdmin(command.metadata, 'register an expert');
      if (state.status !== 'none') {
        throw refuse('expert-already-registered', `expert ${state.expertId} is already registered`);
      }
      const { data } = command;
      const fields = [...new Set(data.fields.map((field) => field.trim()).filter((field) => field !== ''))];
      if (fields.length === 0) throw refuse('expert-fields-missing', 'name at least one field of expertise', 'invalid');
      if (fields.length > MAX_FIELDS) {
        throw refuse('expert-fields-too-many', `name at most ${MAX_FIELDS} fields of expertise`, 'invalid');
      }
      return [
        {
          type: 'ExpertRegistered',
          data: {
            expertId: requireText(data.expertId, 'expert id', 64),
            name: requireText(data.name, "the expert's name", 50),
            organisationName: requireText(data.organisationName, "the expert's organisation", 100),
            organisationCreditCode: assertCreditCode(data.organisationCreditCode),
            fields,
            registeredAt: command.metadata.now,
          },
        },
      ];
    }
    case 'DeclareConflict': {
      const expert = requireRegistered(state);
      const { actor } = command.metadata;
      if (actor.role !== 'admin' && !(actor.role === 'expert' && actor.expertId === expert.expertId)) {
        throw refuse('forbidden', 'only the expert or an administrator may declare a conflict', 'forbidden');
      }
      requireActive(expert, 'declare a conflict');
      const creditCode = assertCreditCode(command.data.creditCode);
      if (creditCode === expert.organisationCreditCode) {
        // Already covered: the same-organisation rule keeps the expert away from his employer.
        throw refuse('conflict-already-covered', `${creditCode} is the expert's own organisation, always avoided`);
      }
      if (expert.conflicts.some((conflict) => conflict.creditCode === creditCode)) {
        throw refuse('conflict-already-declared', `a conflict with ${creditCode} is already declared`);
      }
      return [
        {
          type: 'ConflictDeclared',
          data: {
            expertId: expert.expertId,
            creditCode,
            reason: requireText(command.data.reason, 'the reason for the conflict', 500),
            declaredAt: command.metadata.now,
          },
        },
      ];
    }
    case 'DeactivateExpert': {
      requireAdmin(command.metadata, 'deactivate an expert');
      const expert = requireRegistered(state);
      requireActive(expert, 'deactivate');
      return [
        {
          type: 'ExpertDeactivated',
          data: {
            expertId: expert.expertId,
            reason: requireText(command.data.reason, 'the reason for deactivation', 500),
            deactivatedAt: command.metadata.now,
          },
        },
      ];
    }
    case 'ReactivateExpert': {
      requireAdmin(command.metadata, 'reactivate an expert');
      const expert = requireRegistered(state);
      if (expert.status === 'active') throw refuse('expert-already-active', `expert ${expert.expertId} is active`);
      return [{ type: 'ExpertReactivated', data: { expertId: expert.expertId, reactivatedAt: command.metadata.now } }];
    }
  }
}

function evolve(state: ExpertState, event: ExpertEvent): ExpertState {
  switch (event.type) {
    case 'ExpertRegistered':
      return { status: 'active', ...event.data, conflicts: [] };
    case 'ConflictDeclared': {
      const expert = state as RegisteredExpert;
      const { creditCode, reason, declaredAt } = event.data;
      return { ...expert, conflicts: [...expert.conflicts, { creditCode, reason, declaredAt }] };
    }
    case 'ExpertDeactivated':
      return { ...(state as RegisteredExpert), status: 'inactive' };
    case 'ExpertReactivated':
      return { ...(state as RegisteredExpert), status: 'active' };
  }
}

function requireRegistered(state: ExpertState): RegisteredExpert {
  if (state.status === 'none') throw refuse('expert-not-registered', 'no such expert is registered', 'not-found');
  return state;
}

function requireActive(expert: RegisteredExpert, action: string): void {
  if (expert.status !== 'active') {
    throw refuse('expert-deactivated', `expert ${expert.expertId} is deactivated; reactivate before you ${action}`);
  }
}

function requireAdmin(metadata: CommandMetadata, action: string): void {
  if (metadata.actor.role !== 'admin') {
    throw refuse('forbidden', `only an administrator may ${action}`, 'forbidden');
  }
}

function requireText(value: string, what: string, maxLength: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw refuse('text-missing', `${what} is required`, 'invalid');
  if (text.length > maxLength) throw refuse('text-too-long', `${what} must be at most ${maxLength} characters`, 'invalid');
  return text;
}
