import { CallRules, isMoneyProgramme } from '../programmes';
import { optionalText, requireText } from '../selection/checks';
import { refuse } from '../shared/refusal';
import type { DossierChanges } from './dossier.events';
import type { Dossier } from './dossier.state';

const MAX_TITLE_LENGTH = 200;
const MAX_PROJECT_CODE_LENGTH = 64;

/**
 * Checks and normalises what an applicant writes into a dossier (on draft and on every edit);
 * completeness is only required at submission (see missingForSubmission).
 */
export function checkChanges(changes: DossierChanges, rules: CallRules): DossierChanges {
  const checked: { -readonly [K in keyof DossierChanges]: DossierChanges[K] } = {};
  if (changes.title !== undefined) checked.title = requireText(changes.title, 'the project title', MAX_TITLE_LENGTH);
  if (changes.projectCode !== undefined) {
    checked.projectCode = optionalText(changes.projectCode, 'the project code', MAX_PROJECT_CODE_LENGTH);
  }
  if (changes.tier !== undefined) checked.tier = checkTier(changes.tier, rules);
  if (changes.fields !== undefined) checked.fields = checkFields(changes.fields, rules);
  if (changes.declaredInvestmentFen !== undefined) {
    checked.declaredInvestmentFen = checkDeclaredInvestment(changes.declaredInvestmentFen, rules);
  }
  if (changes.excludedExpertIds !== undefined) {
    checked.excludedExpertIds = checkExcludedExperts(changes.excludedExpertIds, rules);
  }
  return checked;
}

function checkTier(tier: string, rules: CallRules): string {
  if (!rules.tiers.some((candidate) => candidate.code === tier)) {
    const tiers = rules.tiers.map((candidate) => `${candidate.code} (${candidate.name})`).join(', ');
    throw refuse('unknown-tier', `"${tier}" is not a tier of this selection; choose one of ${tiers}`, 'invalid');
  }
  return tier;
}

function checkFields(fields: Readonly<Record<string, string>>, rules: CallRules): Record<string, string> {
  const checked: Record<string, string> = {};
  for (const [code, value] of Object.entries(fields)) {
    const rule = rules.fields.find((field) => field.code === code);
    if (!rule) {
      const known = rules.fields.map((field) => `${field.code} (${field.name})`).join(', ');
      throw refuse('unknown-field', `the form has no field "${code}"; its fields are ${known}`, 'invalid');
    }
    if (typeof value !== 'string') throw refuse('invalid-field', `${rule.name} must be text`, 'invalid');
    const text = value.trim();
    if (text.length > rule.maxLength) {
      throw refuse('field-too-long', `${rule.name} must be at most ${rule.maxLength} characters, got ${text.length}`, 'invalid');
    }
    // Kept as written: the published annex prints the applicant's text character for character
    // (2025 附件2 scenario 七 ends in a space); a blank answer counts as no answer.
    checked[code] = text === '' ? '' : value;
  }
  return checked;
}

function checkDeclaredInvestment(value: number | null, rules: CallRules): number | null {
  if (value === null) return null;
  if (!isMoneyProgramme(rules)) {
    throw refuse('investment-not-applicable', `${rules.name} grants policy preference; no investment is declared`, 'invalid');
  }
  if (!Number.isSafeInteger(value) || value < 1) {
    throw refuse('invalid-investment', `the declared investment must be a whole number of fen above 0, got ${value}`, 'invalid');
  }
  return value;
}

function checkExcludedExperts(ids: readonly string[], rules: CallRules): string[] {
  const checked = ids.map((id) => requireText(id, 'an excluded expert id', 64));
  if (new Set(checked).size !== checked.length) {
    throw refuse('invalid-excluded-experts', 'an expert is excluded more than once', 'invalid');
  }
  if (checked.length > rules.maxExcludedExperts) {
    throw refuse(
      'too-many-excluded-experts',
      `at most ${rules.maxExcludedExperts} experts may be excluded, got ${checked.length}`,
      'invalid',
    );
  }
  return checked;
}

export interface MissingItem {
  readonly kind: 'field' | 'attachment' | 'investment';
  readonly code: string;
  readonly name: string;
}

/** What the applicant still has to provide before the dossier can be submitted. */
export function missingForSubmission(dossier: Dossier, rules: CallRules): MissingItem[] {
  const missing: MissingItem[] = [];
  for (const field of rules.fields) {
    if (field.required && !dossier.fields[field.code]) missing.push({ kind: 'field', code: field.code, name: field.name });
  }
  if (rules.requiresDeclaredInvestment && dossier.declaredInvestmentFen === null) {
    missing.push({ kind: 'investment', code: 'declaredInvestmentFen', name: '申报投资额' });
  }
  for (const kind of rules.attachments.kinds) {
    if (kind.required && !dossier.attachments.some((attachment) => attachment.kind === kind.code)) {
      missing.push({ kind: 'attachment', code: kind.code, name: kind.name });
    }
  }
  return missing;
}
