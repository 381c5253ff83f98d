import type { AwardFormula } from '../awards';
import type { DeclarationText } from '../commitments/declaration';
import {
  addProblem,
  isRecord,
  ProblemList,
  readArray,
  readBoolean,
  readInteger,
  readNumber,
  readRecord,
  readString,
  reportDuplicates,
  reportUnknownKeys,
} from './json-reader';
import {
  AttachmentKindRule,
  AttachmentRules,
  CallRules,
  DEFAULT_MINIMUM_VALID_REVIEWS,
  DossierFieldRule,
  NoticeContact,
  isProgrammeCode,
  ProgrammeCode,
  ProgrammeRules,
  ProgrammeTier,
} from './programme.types';
import { readAggregation, readRubric } from './read-review-settings';
import { readReviewStages } from './read-stages';

const CODE = /^[a-z][a-z0-9-]*$/;
const CODE_HINT = 'lower-case letters, digits and hyphens, starting with a letter';
const FIELD_CODE = /^[a-z][A-Za-z0-9]*$/;
const FIELD_CODE_HINT = 'a camelCase identifier';

const RULE_KEYS = [
  'code',
  'name',
  'policyBasis',
  'tiers',
  'rubric',
  'expertsPerDossier',
  'maxDossiersPerExpert',
  'aggregation',
  'minimumValidReviews',
  'disagreementSpread',
  'minimumScore',
  'reservesPerTier',
  'noticeWorkingDays',
  'award',
  'requiresDeclaredInvestment',
  'fields',
  'expertiseField',
  'attachments',
  'maxExcludedExperts',
  'noticeContact',
  'declaration',
  'stages',
  'finalRanking',
] as const;

/**
 * `programme`: quotas may be null (the call sets them). `call`: every quota is a number.
 * Both modes run the same checks, so a call's rules are never looser than a seed's.
 */
export type RulesMode = 'programme' | 'call';

export function readRules(raw: unknown, mode: 'programme', problems: ProblemList): ProgrammeRules;
export function readRules(raw: unknown, mode: 'call', problems: ProblemList): CallRules;
export function readRules(raw: unknown, mode: RulesMode, problems: ProblemList): ProgrammeRules | CallRules {
  const json = readRecord(problems, 'rules', raw);
  reportUnknownKeys(problems, 'rules', json, RULE_KEYS);

  let code: ProgrammeCode = 'key-enterprise';
  if (isProgrammeCode(json.code)) code = json.code;
  else addProblem(problems, 'code', `must be one of the six programmes, got ${JSON.stringify(json.code)}`);

  const fields = readFields(problems, json.fields);
  const award = readAward(problems, json.award);
  const rules = {
    code,
    name: readString(problems, 'name', json.name, { maxLength: 50 }),
    policyBasis: readString(problems, 'policyBasis', json.policyBasis, { maxLength: 500 }),
    tiers: readTiers(problems, json.tiers, mode),
    rubric: readRubric(problems, json.rubric),
    expertsPerDossier: readInteger(problems, 'expertsPerDossier', json.expertsPerDossier, 1, 15),
    maxDossiersPerExpert: readInteger(problems, 'maxDossiersPerExpert', json.maxDossiersPerExpert, 1, 200),
    aggregation: readAggregation(problems, json.aggregation),
    minimumValidReviews:
      json.minimumValidReviews === undefined ? DEFAULT_MINIMUM_VALID_REVIEWS : readInteger(problems, 'minimumValidReviews', json.minimumValidReviews, 1, 15),
    disagreementSpread: readNumber(problems, 'disagreementSpread', json.disagreementSpread, 0, 100),
    minimumScore: readNumber(problems, 'minimumScore', json.minimumScore, 0, 100),
    reservesPerTier: readInteger(problems, 'reservesPerTier', json.reservesPerTier, 0, 20),
    noticeWorkingDays: readInteger(problems, 'noticeWorkingDays', json.noticeWorkingDays, 1, 30),
    award,
    requiresDeclaredInvestment: readBoolean(problems, 'requiresDeclaredInvestment', json.requiresDeclaredInvestment),
    fields,
    expertiseField: readString(problems, 'expertiseField', json.expertiseField),
    attachments: readAttachments(problems, json.attachments),
    maxExcludedExperts: readInteger(problems, 'maxExcludedExperts', json.maxExcludedExperts, 0, 3),
    ...readNoticeContact(problems, json.noticeContact),
    ...readDeclaration(problems, json.declaration),
    ...readReviewStages(problems, json.stages, json.finalRanking),
  };

  if (json.expertsPerDossier === rules.expertsPerDossier && rules.minimumValidReviews > rules.expertsPerDossier) {
    addProblem(
      problems,
      'minimumValidReviews',
      `(${rules.minimumValidReviews}) must be at most expertsPerDossier (${rules.expertsPerDossier}): raise the experts per dossier or set a lower minimum`,
    );
  }
  if (rules.expertiseField && !fields.some((field) => field.code === rules.expertiseField)) {
    addProblem(problems, 'expertiseField', `must name one of the fields, got "${rules.expertiseField}"`);
  }
  if (rules.requiresDeclaredInvestment && award.kind !== 'money') {
    addProblem(problems, 'requiresDeclaredInvestment', 'can only be true for a programme that pays money');
  }
  if (award.kind === 'money' && !rules.requiresDeclaredInvestment) {
    // 核定投资额 can never exceed what was declared, so without a declaration nothing could be paid.
    addProblem(problems, 'requiresDeclaredInvestment', 'must be true for a programme that pays a share of investment');
  }
  return rules;
}

function readTiers(problems: ProblemList, raw: unknown, mode: RulesMode): ProgrammeTier[] {
  const list = readArray(problems, 'tiers', raw);
  if (Array.isArray(raw) && list.length === 0) addProblem(problems, 'tiers', 'must list at least one tier');
  const tiers = list.map((item, index) => {
    const path = `tiers[${index}]`;
    const json = readRecord(problems, path, item);
    reportUnknownKeys(problems, path, json, ['code', 'name', 'quota']);
    let quota: number | null = null;
    if (json.quota === null && mode === 'programme') quota = null;
    else if (json.quota === null || json.quota === undefined) {
      addProblem(problems, `${path}.quota`, mode === 'call' ? 'must be set by the call' : 'must be a number or null');
    } else quota = readInteger(problems, `${path}.quota`, json.quota, 0, 100);
    return {
      code: readString(problems, `${path}.code`, json.code, { pattern: CODE, patternHint: CODE_HINT }),
      name: readString(problems, `${path}.name`, json.name, { maxLength: 50 }),
      quota,
    };
  });
  reportDuplicates(problems, 'tiers', tiers.map((tier) => tier.code));
  const allSet = tiers.every((tier) => tier.quota !== null);
  const total = tiers.reduce((sum, tier) => sum + (tier.quota ?? 0), 0);
  if (mode === 'call' && tiers.length > 0 && allSet && total === 0) addProblem(problems, 'tiers', 'must select at least one');
  return tiers;
}

function readAward(problems: ProblemList, raw: unknown): AwardFormula {
  const json = readRecord(problems, 'award', raw);
  if (json.kind === 'policy') {
    reportUnknownKeys(problems, 'award', json, ['kind']);
    return { kind: 'policy' };
  }
  if (json.kind === 'money') {
    reportUnknownKeys(problems, 'award', json, ['kind', 'rateBasisPoints', 'capFen']);
    return {
      kind: 'money',
      rateBasisPoints: readInteger(problems, 'award.rateBasisPoints', json.rateBasisPoints, 1, 10_000),
      capFen: readInteger(problems, 'award.capFen', json.capFen, 1),
    };
  }
  if (isRecord(raw)) addProblem(problems, 'award.kind', `must be "policy" or "money", got ${JSON.stringify(json.kind)}`);
  return { kind: 'policy' };
}

function readFields(problems: ProblemList, raw: unknown): DossierFieldRule[] {
  const list = readArray(problems, 'fields', raw);
  if (Array.isArray(raw) && list.length === 0) addProblem(problems, 'fields', 'must list at least one field');
  const fields = list.map((item, index) => {
    const path = `fields[${index}]`;
    const json = readRecord(problems, path, item);
    reportUnknownKeys(problems, path, json, ['code', 'name', 'required', 'maxLength', 'examples']);
    const field: DossierFieldRule = {
      code: readString(problems, `${path}.code`, json.code, { pattern: FIELD_CODE, patternHint: FIELD_CODE_HINT }),
      name: readString(problems, `${path}.name`, json.name, { maxLength: 50 }),
      required: readBoolean(problems, `${path}.required`, json.required),
      maxLength: readInteger(problems, `${path}.maxLength`, json.maxLength, 1, 20_000),
    };
    if (json.examples === undefined) return field;
    const examples = readArray(problems, `${path}.examples`, json.examples).map((example, at) =>
      readString(problems, `${path}.examples[${at}]`, example, { maxLength: field.maxLength }),
    );
    return { ...field, examples };
  });
  reportDuplicates(problems, 'fields', fields.map((field) => field.code));
  return fields;
}

function readAttachments(problems: ProblemList, raw: unknown): AttachmentRules {
  const json = readRecord(problems, 'attachments', raw);
  reportUnknownKeys(problems, 'attachments', json, ['kinds', 'maxFileBytes', 'maxTotalBytes', 'maxFiles']);
  const kinds: AttachmentKindRule[] = readArray(problems, 'attachments.kinds', json.kinds).map((item, index) => {
    const path = `attachments.kinds[${index}]`;
    const kind = readRecord(problems, path, item);
    reportUnknownKeys(problems, path, kind, ['code', 'name', 'required']);
    return {
      code: readString(problems, `${path}.code`, kind.code, { pattern: CODE, patternHint: CODE_HINT }),
      name: readString(problems, `${path}.name`, kind.name, { maxLength: 50 }),
      required: readBoolean(problems, `${path}.required`, kind.required),
    };
  });
  reportDuplicates(problems, 'attachments.kinds', kinds.map((kind) => kind.code));
  const attachments = {
    kinds,
    maxFileBytes: readInteger(problems, 'attachments.maxFileBytes', json.maxFileBytes, 1),
    maxTotalBytes: readInteger(problems, 'attachments.maxTotalBytes', json.maxTotalBytes, 1),
    maxFiles: readInteger(problems, 'attachments.maxFiles', json.maxFiles, 1, 200),
  };
  if (attachments.maxTotalBytes < attachments.maxFileBytes) {
    addProblem(problems, 'attachments.maxTotalBytes', 'must be at least maxFileBytes');
  }
  const required = kinds.filter((kind) => kind.required).length;
  if (required > attachments.maxFiles) {
    addProblem(problems, 'attachments.maxFiles', `must allow the ${required} required attachments`);
  }
  return attachments;
}

/** Optional: the office that takes objections and its phone; absent when the notice names none. */
function readNoticeContact(problems: ProblemList, raw: unknown): { noticeContact?: NoticeContact } {
  if (raw === undefined || raw === null) return {};
  const json = readRecord(problems, 'noticeContact', raw);
  reportUnknownKeys(problems, 'noticeContact', json, ['office', 'phone']);
  const office = readString(problems, 'noticeContact.office', json.office, { maxLength: 100 });
  const phone = readString(problems, 'noticeContact.phone', json.phone, { maxLength: 20 });
  if (phone && !/^[0-9+\-() ]{7,20}$/.test(phone)) addProblem(problems, 'noticeContact.phone', 'must be a phone number of 7-20 digits, spaces or + - ( )');
  return { noticeContact: { office, phone } };
}

/** Optional: the call's own 保密承诺、回避声明 with a version label; absent when the default is used. */
function readDeclaration(problems: ProblemList, raw: unknown): { declaration?: DeclarationText } {
  if (raw === undefined || raw === null) return {};
  const json = readRecord(problems, 'declaration', raw);
  reportUnknownKeys(problems, 'declaration', json, ['version', 'paragraphs']);
  const version = readString(problems, 'declaration.version', json.version, { maxLength: 30 });
  const list = readArray(problems, 'declaration.paragraphs', json.paragraphs);
  if (Array.isArray(json.paragraphs) && (list.length === 0 || list.length > 10)) addProblem(problems, 'declaration.paragraphs', 'must list 1 to 10 paragraphs');
  const paragraphs = list.map((item, index) => readString(problems, `declaration.paragraphs[${index}]`, item, { maxLength: 1000 }));
  return { declaration: { version, paragraphs } };
}
