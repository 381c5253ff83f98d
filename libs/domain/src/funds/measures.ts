import { isLocalDate } from '../calendar/local-date';
import type { LocalDate } from '../calendar/local-date';
import { addProblem, isRecord, readInteger, readString } from '../programmes/json-reader';
import type { ProblemList } from '../programmes/json-reader';
import type { Fen } from '../shared/money';
import { refuse } from '../shared/refusal';

/**
 * The money measures of 附件5 (湖南省“人工智能+”十大支持措施) as data, read from
 * seeds/measures/hunan-2025.json (each with the clause it comes from). The six selections pay
 * through their own programme rules (seeds/programmes) and reach the ledger as 'selection-award'.
 */
export type FundMeasureCode = 'selection-award' | 'compute-voucher' | 'national-platform' | 'national-champion';

export const FUND_MEASURE_NAMES: Readonly<Record<FundMeasureCode, string>> = {
  'selection-award': '年度评选奖补',
  'compute-voucher': '算力券',
  'national-platform': '新获批国家级科技创新平台',
  'national-champion': '新获批人工智能领域国家级单项冠军企业',
};

interface MeasureBase {
  /** 附件5 article number, e.g. 一. */
  readonly article: string;
  readonly name: string;
  /** The sentence of the plan the figures come from, character for character. */
  readonly clause: string;
}

/** 一、促进算力资源使用: min(30 % × 年度算力总支出, 1,000 万元) per enterprise from a yearly 1 亿元. */
export interface VoucherMeasure extends MeasureBase {
  readonly code: 'compute-voucher';
  readonly kind: 'voucher';
  readonly yearlyBudgetFen: Fen;
  readonly rateBasisPoints: number;
  readonly capFenPerEnterprise: Fen;
  /** Attachment kinds a claim is complete with. */
  readonly requiredAttachments: readonly string[];
}

/** 三: 新获批的国家级科技创新平台, 500 万元 a year for three consecutive years. */
export interface ScheduledGrantMeasure extends MeasureBase {
  readonly code: 'national-platform';
  readonly kind: 'scheduled-grant';
  readonly yearlyFen: Fen;
  readonly years: number;
}

/** 五: 新获批人工智能领域国家级单项冠军企业, a one-off award of at most 100 万元. */
export interface OneOffMeasure extends MeasureBase {
  readonly code: 'national-champion';
  readonly kind: 'one-off';
  readonly capFen: Fen;
}

export interface PolicyWindow {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly clause: string;
}

export interface MeasureCatalogue {
  readonly documentNo: string;
  readonly validity: PolicyWindow;
  readonly nonDuplication: { readonly clause: string; readonly excludedMeasures: readonly FundMeasureCode[] };
  readonly voucher: VoucherMeasure;
  readonly platform: ScheduledGrantMeasure;
  readonly champion: OneOffMeasure;
}

const MEASURE_CODES: readonly FundMeasureCode[] = ['selection-award', 'compute-voucher', 'national-platform', 'national-champion'];

/**
 * Validates the measures file and returns it typed; refuses `invalid-measures` (kind invalid) with
 * every problem and its path, so whoever edits the seed sees all mistakes at once.
 */
export function parseMeasureCatalogue(json: unknown): MeasureCatalogue {
  const problems: ProblemList = [];
  const root = isRecord(json) ? json : {};
  if (!isRecord(json)) addProblem(problems, '$', 'must be an object');
  const source = isRecord(root.source) ? root.source : {};
  const documentNo = readString(problems, '$.source.documentNo', source.documentNo);
  const validityRaw = isRecord(root.validity) ? root.validity : {};
  const validity: PolicyWindow = {
    from: readDate(problems, '$.validity.from', validityRaw.from),
    to: readDate(problems, '$.validity.to', validityRaw.to),
    clause: readString(problems, '$.validity.clause', validityRaw.clause),
  };
  if (validity.from > validity.to) addProblem(problems, '$.validity', `must end (${validity.to}) on or after it starts (${validity.from})`);
  const nd = isRecord(root.nonDuplication) ? root.nonDuplication : {};
  const nonDuplicationClause = readString(problems, '$.nonDuplication.clause', nd.clause);
  const excluded = Array.isArray(nd.excludedMeasures) ? nd.excludedMeasures : [];
  if (!Array.isArray(nd.excludedMeasures)) addProblem(problems, '$.nonDuplication.excludedMeasures', 'must be a list of measure codes');
  excluded.forEach((code, index) => {
    if (!MEASURE_CODES.includes(code as FundMeasureCode)) addProblem(problems, `$.nonDuplication.excludedMeasures[${index}]`, `is not a measure code: ${JSON.stringify(code)}`);
  });
  const list = Array.isArray(root.measures) ? root.measures : [];
  const byCode = (code: string) => {
    const found = list.filter((item) => isRecord(item) && item.code === code);
    if (found.length !== 1) addProblem(problems, '$.measures', `must hold exactly one measure ${code}, found ${found.length}`);
    return (found[0] ?? {}) as Record<string, unknown>;
  };
  const base = (raw: Record<string, unknown>, path: string) => ({
    article: readString(problems, `${path}.article`, raw.article),
    name: readString(problems, `${path}.name`, raw.name),
    clause: readString(problems, `${path}.clause`, raw.clause),
  });
  const v = byCode('compute-voucher');
  const attachments = Array.isArray(v.requiredAttachments) ? v.requiredAttachments : [];
  if (attachments.length === 0 || attachments.some((kind) => typeof kind !== 'string' || kind === '')) {
    addProblem(problems, '$.measures[compute-voucher].requiredAttachments', 'must be a non-empty list of attachment kinds');
  }
  const voucher: VoucherMeasure = {
    code: 'compute-voucher',
    kind: 'voucher',
    ...base(v, '$.measures[compute-voucher]'),
    yearlyBudgetFen: readInteger(problems, '$.measures[compute-voucher].yearlyBudgetFen', v.yearlyBudgetFen, 1),
    rateBasisPoints: readInteger(problems, '$.measures[compute-voucher].rateBasisPoints', v.rateBasisPoints, 1, 10_000),
    capFenPerEnterprise: readInteger(problems, '$.measures[compute-voucher].capFenPerEnterprise', v.capFenPerEnterprise, 1),
    requiredAttachments: attachments.map(String),
  };
  const p = byCode('national-platform');
  const platform: ScheduledGrantMeasure = {
    code: 'national-platform',
    kind: 'scheduled-grant',
    ...base(p, '$.measures[national-platform]'),
    yearlyFen: readInteger(problems, '$.measures[national-platform].yearlyFen', p.yearlyFen, 1),
    years: readInteger(problems, '$.measures[national-platform].years', p.years, 1, 10),
  };
  const c = byCode('national-champion');
  const champion: OneOffMeasure = {
    code: 'national-champion',
    kind: 'one-off',
    ...base(c, '$.measures[national-champion]'),
    capFen: readInteger(problems, '$.measures[national-champion].capFen', c.capFen, 1),
  };
  if (problems.length > 0) {
    throw refuse('invalid-measures', `the measures file has ${problems.length} problem(s): ${problems.join('; ')}`, 'invalid', { problems });
  }
  return {
    documentNo,
    validity,
    nonDuplication: { clause: nonDuplicationClause, excludedMeasures: excluded as FundMeasureCode[] },
    voucher,
    platform,
    champion,
  };
}

function readDate(problems: ProblemList, path: string, value: unknown): LocalDate {
  if (!isLocalDate(value)) {
    addProblem(problems, path, `must be a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
    return '1970-01-01';
  }
  return value;
}
