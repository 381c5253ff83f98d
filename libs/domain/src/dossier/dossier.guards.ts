import { validateCreditCode } from '../credit-code';
import type { SelectionFacts } from '../selection/selection.phase';
import type { CommandMetadata } from '../shared/command-metadata';
import { refuse } from '../shared/refusal';
import type { Dossier, DossierState, DossierStatus } from './dossier.state';

export function requireDossier(state: DossierState): Dossier {
  if (state.status === 'none') throw refuse('dossier-not-found', 'no such dossier has been drafted', 'not-found');
  return state;
}

/** The facts on the command must be those of the dossier's own selection. */
export function requireOwnSelection(dossier: Dossier, facts: SelectionFacts): void {
  if (facts.selectionId !== dossier.selectionId) {
    throw refuse(
      'wrong-selection',
      `the dossier belongs to selection ${dossier.selectionId}, not ${facts.selectionId}`,
      'invalid',
    );
  }
}

/** Only a user of the applicant organisation works on its dossier (not another applicant, not staff). */
export function requireApplicantOrganisation(metadata: CommandMetadata, creditCode: string, action: string): void {
  const { actor } = metadata;
  const own = actor.organisationCreditCode ? validateCreditCode(actor.organisationCreditCode) : null;
  if (actor.role !== 'applicant' || !own?.valid || own.code !== creditCode) {
    throw refuse('forbidden', `only the applicant organisation ${creditCode} may ${action}`, 'forbidden');
  }
}

const STATUS_WORDS: Readonly<Record<DossierStatus, string>> = {
  draft: 'is a draft',
  submitted: 'is submitted and awaits formal review',
  returned: 'was returned for correction',
  passed: 'passed formal review',
  rejected: 'was rejected in formal review',
  withdrawn: 'was withdrawn by the applicant',
  awarded: 'was awarded',
  'not-awarded': 'was not awarded',
};

export function describeStatus(dossier: Dossier): string {
  const words = `the dossier ${STATUS_WORDS[dossier.status]}`;
  if (dossier.status === 'returned' && dossier.correction) {
    return `${words} (correct it by the end of ${dossier.correction.deadlineDate})`;
  }
  return words;
}

/** Refuses `wrong-status` unless the dossier is in one of the statuses, saying what it is instead. */
export function requireStatus(dossier: Dossier, allowed: readonly DossierStatus[], action: string): void {
  if (!allowed.includes(dossier.status)) {
    throw refuse('wrong-status', `${action} is not possible: ${describeStatus(dossier)}`, 'conflict', {
      status: dossier.status,
      allowed,
    });
  }
}
