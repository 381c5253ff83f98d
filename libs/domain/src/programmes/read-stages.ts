import { addProblem, isRecord, ProblemList, readArray, readInteger, readNumber, readRecord, readString, reportDuplicates, reportUnknownKeys } from './json-reader';
import { readAggregation, readRubric } from './read-review-settings';
import {
  DeclaredReviewStage,
  DEFENCE_NO_SHOW_RULES,
  DefenceNoShowRule,
  FinalRankingRule,
  REVIEW_STAGE_KINDS,
  ReviewStageKind,
  StageAdvancement,
} from './review-stages';

const CODE = /^[a-z][a-z0-9-]*$/;
const STAGE_KEYS = ['code', 'name', 'kind', 'rubric', 'aggregation', 'minimumValidReviews', 'advance', 'defence'];
const FIRST_STAGE_INHERITS = ['rubric', 'aggregation', 'minimumValidReviews'] as const;
const MAX_STAGES = 4;

/**
 * Optional `stages` and `finalRanking`, kept as declared (reviewStagesOf resolves them). The first
 * stage is the online review planned with the programme's experts per dossier, rubric, aggregation
 * and minimum (one source for each); later stages are panels with their own. Absent: one online stage.
 */
export function readReviewStages(
  problems: ProblemList,
  rawStages: unknown,
  rawFinal: unknown,
): { stages?: DeclaredReviewStage[]; finalRanking?: FinalRankingRule } {
  if (rawStages === undefined || rawStages === null) {
    if (rawFinal !== undefined && rawFinal !== null) addProblem(problems, 'finalRanking', 'needs stages to combine; declare the stages first');
    return {};
  }
  const list = readArray(problems, 'stages', rawStages);
  if (Array.isArray(rawStages) && (list.length < 1 || list.length > MAX_STAGES)) {
    addProblem(problems, 'stages', `must list 1 to ${MAX_STAGES} stages`);
  }
  const stages = list.map((item, index) => readStage(problems, item, index, index === list.length - 1));
  reportDuplicates(problems, 'stages', stages.map((stage) => stage.code));
  const finalRanking = readFinalRanking(problems, rawFinal, stages);
  return { stages, finalRanking };
}

function readStage(problems: ProblemList, raw: unknown, index: number, last: boolean): DeclaredReviewStage {
  const path = `stages[${index}]`;
  const json = readRecord(problems, path, raw);
  reportUnknownKeys(problems, path, json, STAGE_KEYS);
  const kind = readKind(problems, `${path}.kind`, json.kind);
  if (index === 0 && kind !== 'online') addProblem(problems, `${path}.kind`, 'must be "online": the first stage is the online review (通讯评审)');
  if (index > 0 && kind === 'online') addProblem(problems, `${path}.kind`, 'must be "panel" or "site-visit-or-defence": only the first stage is online');
  if (index === 0) {
    for (const key of FIRST_STAGE_INHERITS) {
      if (json[key] !== undefined) addProblem(problems, `${path}.${key}`, `is the programme's own ${key} for the first stage; set it there`);
    }
  }
  const stage: DeclaredReviewStage = {
    code: readString(problems, `${path}.code`, json.code, { pattern: CODE, patternHint: 'lower-case letters, digits and hyphens' }),
    name: readString(problems, `${path}.name`, json.name, { maxLength: 30 }),
    kind,
  };
  const advance = readAdvance(problems, `${path}.advance`, json.advance, last);
  const defence = readDefence(problems, `${path}.defence`, json.defence, kind);
  const own =
    index === 0
      ? {}
      : {
          rubric: readRubric(problems, json.rubric, `${path}.rubric`),
          aggregation: readAggregation(problems, json.aggregation, `${path}.aggregation`),
          minimumValidReviews: readInteger(problems, `${path}.minimumValidReviews`, json.minimumValidReviews, 1, 30),
        };
  return { ...stage, ...own, ...(advance ? { advance } : {}), ...(defence ? { defence } : {}) };
}

function readKind(problems: ProblemList, path: string, raw: unknown): ReviewStageKind {
  const kind = REVIEW_STAGE_KINDS.find((candidate) => candidate === raw);
  if (!kind) {
    addProblem(problems, path, `must be one of ${REVIEW_STAGE_KINDS.join(', ')}, got ${JSON.stringify(raw)}`);
    return 'panel';
  }
  return kind;
}

function readAdvance(problems: ProblemList, path: string, raw: unknown, last: boolean): StageAdvancement | null {
  if (last) {
    if (raw !== undefined && raw !== null) addProblem(problems, path, 'must be absent on the last stage: the final ranking follows it');
    return null;
  }
  const json = readRecord(problems, path, raw);
  if (json.kind === 'top-per-tier') {
    reportUnknownKeys(problems, path, json, ['kind', 'perTier']);
    return { kind: 'top-per-tier', perTier: readInteger(problems, `${path}.perTier`, json.perTier, 1, 1000) };
  }
  if (json.kind === 'threshold') {
    reportUnknownKeys(problems, path, json, ['kind', 'minimum']);
    return { kind: 'threshold', minimum: readNumber(problems, `${path}.minimum`, json.minimum, 0, 100) };
  }
  if (isRecord(raw)) addProblem(problems, `${path}.kind`, `must be "top-per-tier" or "threshold", got ${JSON.stringify(json.kind)}`);
  return { kind: 'top-per-tier', perTier: 1 };
}

function readDefence(problems: ProblemList, path: string, raw: unknown, kind: ReviewStageKind): { noShow: DefenceNoShowRule } | null {
  if (raw === undefined || raw === null) {
    if (kind === 'site-visit-or-defence') addProblem(problems, path, 'must say what a no-show means (defence.noShow) for a site-visit-or-defence stage');
    return null;
  }
  if (kind === 'online') {
    addProblem(problems, path, 'is for panel stages only');
    return null;
  }
  const json = readRecord(problems, path, raw);
  reportUnknownKeys(problems, path, json, ['noShow']);
  const noShow = DEFENCE_NO_SHOW_RULES.find((candidate) => candidate === json.noShow);
  if (!noShow) {
    addProblem(problems, `${path}.noShow`, `must be one of ${DEFENCE_NO_SHOW_RULES.join(', ')}, got ${JSON.stringify(json.noShow)}`);
    return { noShow: 'panel-scores-anyway' };
  }
  return { noShow };
}

/** `{ kind: 'last-stage' }` or `{ kind: 'weighted', percentByStage: { online: 40, panel: 60 } }` summing to 100. */
function readFinalRanking(problems: ProblemList, raw: unknown, stages: readonly DeclaredReviewStage[]): FinalRankingRule {
  if (raw === undefined || raw === null) return { kind: 'last-stage' };
  const json = readRecord(problems, 'finalRanking', raw);
  if (json.kind === 'last-stage') {
    reportUnknownKeys(problems, 'finalRanking', json, ['kind']);
    return { kind: 'last-stage' };
  }
  if (json.kind !== 'weighted') {
    if (isRecord(raw)) addProblem(problems, 'finalRanking.kind', `must be "last-stage" or "weighted", got ${JSON.stringify(json.kind)}`);
    return { kind: 'last-stage' };
  }
  reportUnknownKeys(problems, 'finalRanking', json, ['kind', 'percentByStage']);
  const weights = readRecord(problems, 'finalRanking.percentByStage', json.percentByStage);
  const codes = stages.map((stage) => stage.code);
  const percentByStage: Record<string, number> = {};
  for (const [code, value] of Object.entries(weights)) {
    if (!codes.includes(code)) addProblem(problems, `finalRanking.percentByStage.${code}`, `is not a stage (stages: ${codes.join(', ')})`);
    percentByStage[code] = readInteger(problems, `finalRanking.percentByStage.${code}`, value, 0, 100);
  }
  const lastCode = codes[codes.length - 1];
  if (isRecord(json.percentByStage) && !(percentByStage[lastCode] > 0)) {
    addProblem(problems, 'finalRanking.percentByStage', `must give the last stage (${lastCode}) a weight above 0`);
  }
  const sum = Object.values(percentByStage).reduce((total, value) => total + value, 0);
  if (isRecord(json.percentByStage) && sum !== 100) addProblem(problems, 'finalRanking.percentByStage', `must add up to 100, got ${sum}`);
  return { kind: 'weighted', percentByStage };
}
