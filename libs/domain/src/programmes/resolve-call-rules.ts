import { refuse } from '../shared/refusal';
import { addProblem, isRecord, ProblemList, reportUnknownKeys } from './json-reader';
import { CallRuleOverrides, CallRules, OVERRIDABLE_RULES, ProgrammeRules } from './programme.types';
import { readRules } from './read-rules';

/**
 * The rules one call runs under: the programme's defaults, then the call's overrides, checked as a
 * whole with the same checks as a seed file, plus: every quota is set, and the kind of award stays
 * what annex 5 says (a policy-preference programme does not start paying money, nor the reverse).
 */
export function resolveCallRules(rules: ProgrammeRules, overrides: CallRuleOverrides = {}): CallRules {
  const problems: ProblemList = [];
  const raw: unknown = overrides;
  if (!isRecord(raw)) {
    throw refuse('invalid-call-rules', 'the call overrides must be an object', 'invalid', {
      problems: ['overrides must be an object'],
    });
  }
  reportUnknownKeys(problems, 'overrides', raw, OVERRIDABLE_RULES);

  const tierCodes = rules.tiers.map((tier) => tier.code);
  const quotas = isRecord(raw.quotas) ? raw.quotas : {};
  if (raw.quotas !== undefined && !isRecord(raw.quotas)) addProblem(problems, 'overrides.quotas', 'must be an object');
  for (const tier of Object.keys(quotas)) {
    if (!tierCodes.includes(tier)) {
      addProblem(problems, `overrides.quotas.${tier}`, `is not a tier of ${rules.code} (tiers: ${tierCodes.join(', ')})`);
    }
  }
  if (overrides.award && overrides.award.kind !== rules.award.kind) {
    addProblem(problems, 'overrides.award.kind', `must stay "${rules.award.kind}" for ${rules.code}`);
  }

  const settings = OVERRIDABLE_RULES.filter((key) => key !== 'quotas' && raw[key] !== undefined);
  const merged = {
    ...rules,
    ...Object.fromEntries(settings.map((key) => [key, raw[key]])),
    tiers: rules.tiers.map((tier) => ({ ...tier, quota: tier.code in quotas ? quotas[tier.code] : tier.quota })),
  };
  const resolved = readRules(merged, 'call', problems);
  if (problems.length > 0) {
    throw refuse(
      'invalid-call-rules',
      `the rules for this ${rules.code} call are not valid: ${problems.join('; ')}`,
      'invalid',
      { problems },
    );
  }
  return resolved;
}
