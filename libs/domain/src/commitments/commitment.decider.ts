import { requirePhase } from '../selection/selection.phase';
import type { Decider } from '../shared/decider';
import { refuse } from '../shared/refusal';
import { declarationOf } from './declaration';
import type { CommitmentCommand } from './commitment.commands';
import type { CommitmentEvent } from './commitment.events';
import type { CommitmentState, SignedDeclaration } from './commitment.state';

export const commitmentDecider: Decider<CommitmentCommand, CommitmentEvent, CommitmentState> = {
  initialState: () => ({ status: 'unsigned' }),
  decide,
  evolve,
};

function decide(command: CommitmentCommand, state: CommitmentState): CommitmentEvent[] {
  const { selection, expertId, version } = command.data;
  const { actor } = command.metadata;
  if (actor.role !== 'expert' || actor.expertId !== expertId) {
    throw refuse('forbidden', `only expert ${expertId} may sign his own declaration`, 'forbidden');
  }
  requirePhase(selection, ['expert-review'], 'signing the declaration');
  if (state.status === 'signed') {
    throw refuse('declaration-already-signed', `expert ${expertId} signed this selection's declaration at ${state.signedAt}`);
  }
  const text = declarationOf(selection.rules);
  if (version !== text.version) {
    throw refuse('declaration-changed', `the declaration is now version "${text.version}", not "${version}"; read it again and sign that`, 'conflict', {
      version: text.version,
    });
  }
  return [
    {
      type: 'DeclarationSigned',
      data: { selectionId: selection.selectionId, expertId, version: text.version, paragraphs: [...text.paragraphs], signedAt: command.metadata.now },
    },
  ];
}

function evolve(_state: CommitmentState, event: CommitmentEvent): CommitmentState {
  return { status: 'signed', ...event.data };
}

/**
 * The rule every dossier read and score of an expert goes through: he has signed this selection's
 * declaration. Refused (403) with the selection, so the portal can lead him to the signing page.
 */
export function requireSignedDeclaration(signed: SignedDeclaration | null, selectionId: string, expertId: string): SignedDeclaration {
  if (!signed || signed.selectionId !== selectionId || signed.expertId !== expertId) {
    throw refuse(
      'declaration-not-signed',
      `expert ${expertId} has not signed the declaration of selection ${selectionId}; sign it before opening or scoring its dossiers`,
      'forbidden',
      { selectionId },
    );
  }
  return signed;
}
