import { minimumValidReviewsOf } from '@app/domain/programmes';
import type { ProgrammeRules } from '@app/domain/programmes';

/**
 * The open-call form's rule fields: each programme's defaults shown in the inputs, and back from the
 * form only the values the administrator changed, as the `overrides` of OpenSelectionRequest. So the
 * SelectionOpened event records exactly what this call does differently from the programme.
 */

export const AGGREGATION_NAMES: Record<string, string> = {
  mean: '算术平均',
  median: '中位数',
  'trimmed-mean': '去掉一个最高分和一个最低分后平均',
  'z-score-mean': '标准分(Z 分数)平均',
};

interface NumberRule {
  readonly key: 'expertsPerDossier' | 'minimumValidReviews' | 'maxDossiersPerExpert' | 'minimumScore' | 'reservesPerTier' | 'noticeWorkingDays' | 'disagreementSpread';
  readonly label: string;
  readonly integer: boolean;
}

const NUMBER_RULES: readonly NumberRule[] = [
  { key: 'minimumScore', label: '入围最低分(0–100)', integer: false },
  { key: 'reservesPerTier', label: '每类候补项目数', integer: true },
  { key: 'expertsPerDossier', label: '每个项目的评审专家人数(1–15)', integer: true },
  { key: 'minimumValidReviews', label: '每个项目至少的有效评审意见数(1–15)', integer: true },
  { key: 'maxDossiersPerExpert', label: '每位专家最多评审项目数', integer: true },
  { key: 'disagreementSpread', label: '专家分歧提示的分差(最高分−最低分)', integer: false },
  { key: 'noticeWorkingDays', label: '公示期(工作日,1–30)', integer: true },
];

/** Labels for class-validator problems of the overrides (by property). */
export const OVERRIDE_LABELS: Record<string, string> = {
  ...Object.fromEntries(NUMBER_RULES.map((rule) => [rule.key, rule.label.replace(/\s*\(.*\)$/, '')])),
  quotas: '名额',
  aggregation: '计分方法',
  award: '奖补标准',
  noticeContact: '异议受理部门',
  office: '异议受理部门',
  phone: '异议受理电话',
};

/** A number rule's programme value (a programme read before the valid-review minimum has none: its default). */
const ruleValue = (rules: ProgrammeRules, key: NumberRule['key']): number => (key === 'minimumValidReviews' ? minimumValidReviewsOf(rules) : rules[key]);

const fieldName = (programme: string, key: string) => `rule_${programme}_${key}`;
const quotaName = (programme: string, tier: string) => `quota_${programme}_${tier}`;
const raw = (body: Record<string, unknown>, name: string): string => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');

export interface RuleInput {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly defaultText: string;
  readonly required?: boolean;
  readonly error?: string;
}

export interface ProgrammeRuleForm {
  readonly code: string;
  readonly name: string;
  readonly selected: boolean;
  readonly quotas: RuleInput[];
  readonly numbers: RuleInput[];
  readonly aggregation: { id: string; name: string; error?: string; options: { value: string; label: string; selected: boolean }[] };
  readonly award: { rate: RuleInput; cap: RuleInput } | null;
  readonly rubric: { name: string; weight: number; maxPoints: number }[];
  readonly policyBasis: string;
}

/** The inputs of one programme: posted values (after an error) or else the defaults. */
export function programmeRuleForm(rules: ProgrammeRules, selected: boolean, posted: Record<string, unknown>, errors: Record<string, string>): ProgrammeRuleForm {
  const code = rules.code;
  const value = (name: string, fallback: string) => (selected && typeof posted[name] === 'string' ? (posted[name] as string) : fallback);
  const errorOf = (key: string) => (selected ? errors[key] : undefined);
  const input = (key: string, name: string, label: string, fallback: string, defaultText: string, required = false): RuleInput => ({
    id: `${code}-${key}`.replace(/[^a-zA-Z0-9_-]/g, '-'),
    name,
    label,
    value: value(name, fallback),
    defaultText,
    required,
    error: errorOf(key),
  });
  const money = rules.award.kind === 'money' ? rules.award : null;
  const aggregationName = fieldName(code, 'aggregation');
  const chosenAggregation = value(aggregationName, rules.aggregation);
  return {
    code,
    name: rules.name,
    selected,
    quotas: rules.tiers.map((tier) =>
      input(`quota.${tier.code}`, quotaName(code, tier.code), `${tier.name}名额`, tier.quota === null ? '' : String(tier.quota), tier.quota === null ? '无默认值,每次评选须设定' : `默认 ${tier.quota}`, tier.quota === null),
    ),
    numbers: NUMBER_RULES.map((rule) => input(rule.key, fieldName(code, rule.key), rule.label, String(ruleValue(rules, rule.key)), `默认 ${ruleValue(rules, rule.key)}`)),
    aggregation: {
      id: `${code}-aggregation`,
      name: aggregationName,
      error: errorOf('aggregation'),
      options: Object.entries(AGGREGATION_NAMES).map(([method, label]) => ({ value: method, label: `${label}${method === rules.aggregation ? '(默认)' : ''}`, selected: method === chosenAggregation })),
    },
    award: money
      ? {
          rate: input('award.rate', fieldName(code, 'awardRatePercent'), '支持比例(核定投资额的 %)', String(money.rateBasisPoints / 100), `默认 ${money.rateBasisPoints / 100}%`),
          cap: input('award.cap', fieldName(code, 'awardCapWan'), '每个项目支持上限(万元)', String(money.capFen / 1_000_000), `默认 ${money.capFen / 1_000_000} 万元`),
        }
      : null,
    rubric: rules.rubric.map((criterion) => ({ name: criterion.name, weight: criterion.weight, maxPoints: criterion.maxPoints })),
    policyBasis: rules.policyBasis,
  };
}

/**
 * The overrides a posted form asks for: only values that differ from the programme's defaults.
 * Problems with a single field (not a number, a required quota left empty) come back by field key;
 * ranges are left to the request DTO and the domain (resolveCallRules), which say them once for all clients.
 */
export function overridesFromForm(rules: ProgrammeRules, body: Record<string, unknown>): { overrides: Record<string, unknown>; errors: Record<string, string> } {
  const code = rules.code;
  const overrides: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const quotas: Record<string, number> = {};
  for (const tier of rules.tiers) {
    const text = raw(body, quotaName(code, tier.code));
    if (text === '') {
      if (tier.quota === null) errors[`quota.${tier.code}`] = `请填写${tier.name}名额`;
      continue;
    }
    const quota = Number(text);
    if (!Number.isInteger(quota) || quota < 0) errors[`quota.${tier.code}`] = `${tier.name}名额须为非负整数`;
    else if (quota !== tier.quota) quotas[tier.code] = quota;
  }
  if (Object.keys(quotas).length > 0) overrides.quotas = quotas;
  for (const rule of NUMBER_RULES) {
    const text = raw(body, fieldName(code, rule.key));
    if (text === '') continue;
    const value = Number(text);
    const label = rule.label.replace(/\s*\(.*\)$/, '');
    if (!Number.isFinite(value)) errors[rule.key] = `${label}须为数字`;
    else if (rule.integer && !Number.isInteger(value)) errors[rule.key] = `${label}须为整数`;
    else if (value !== ruleValue(rules, rule.key)) overrides[rule.key] = value;
  }
  // Said here, beside both fields, rather than as the call's refusal after the whole form is sent.
  const experts = (overrides.expertsPerDossier as number | undefined) ?? rules.expertsPerDossier;
  const minimum = (overrides.minimumValidReviews as number | undefined) ?? minimumValidReviewsOf(rules);
  if (!errors.expertsPerDossier && !errors.minimumValidReviews && experts < minimum) {
    const message = `每个项目的评审专家人数(${experts})少于至少的有效评审意见数(${minimum}):请增加专家人数,或同时降低有效评审意见数。`;
    errors.expertsPerDossier = message;
    errors.minimumValidReviews = message;
  }
  const aggregation = raw(body, fieldName(code, 'aggregation'));
  if (aggregation !== '' && aggregation !== rules.aggregation) overrides.aggregation = aggregation;
  if (rules.award.kind === 'money') {
    const rateText = raw(body, fieldName(code, 'awardRatePercent'));
    const capText = raw(body, fieldName(code, 'awardCapWan'));
    const rate = rateText === '' ? rules.award.rateBasisPoints : Math.round(Number(rateText) * 100);
    const cap = capText === '' ? rules.award.capFen : Math.round(Number(capText) * 1_000_000);
    if (!Number.isFinite(rate) || rate <= 0 || rate > 10_000) errors['award.rate'] = '支持比例须为 0 至 100 之间的数';
    if (!Number.isFinite(cap) || cap <= 0) errors['award.cap'] = '支持上限须为正数';
    if (!errors['award.rate'] && !errors['award.cap'] && (rate !== rules.award.rateBasisPoints || cap !== rules.award.capFen)) {
      overrides.award = { kind: 'money', rateBasisPoints: rate, capFen: cap };
    }
  }
  // 异议受理: the office and phone the notice names; both or neither.
  const office = raw(body, 'noticeOffice');
  const phone = raw(body, 'noticePhone');
  if (office !== '' || phone !== '') {
    if (office === '') errors.noticeOffice = '请填写异议受理部门';
    if (!/^[0-9+\-() ]{7,20}$/.test(phone)) errors.noticePhone = '联系电话应为 7–20 位数字,可含空格和 + - ( )';
    if (office !== '' && !errors.noticePhone) overrides.noticeContact = { office, phone };
  }
  return { overrides, errors };
}
