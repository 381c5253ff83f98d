import { AGGREGATION_METHODS, AggregationMethod, Criterion, rubricProblems } from '../scoring';
import { addProblem, ProblemList, readArray, readNumber, readRecord, readString, reportUnknownKeys } from './json-reader';

const CODE = /^[a-z][a-z0-9-]*$/;
const CODE_HINT = 'lower-case letters, digits and hyphens, starting with a letter';

/** The review settings a programme and each of its stages have: a rubric and an aggregation. */
export function readRubric(problems: ProblemList, raw: unknown, at = 'rubric'): Criterion[] {
  const rubric = readArray(problems, at, raw).map((item, index) => {
    const path = `${at}[${index}]`;
    const json = readRecord(problems, path, item);
    reportUnknownKeys(problems, path, json, ['code', 'name', 'weight', 'maxPoints']);
    return {
      code: readString(problems, `${path}.code`, json.code, { pattern: CODE, patternHint: CODE_HINT }),
      name: readString(problems, `${path}.name`, json.name, { maxLength: 50 }),
      weight: readNumber(problems, `${path}.weight`, json.weight, 0, 100),
      maxPoints: readNumber(problems, `${path}.maxPoints`, json.maxPoints, 0, 1000),
    };
  });
  if (Array.isArray(raw)) {
    for (const problem of rubricProblems(rubric)) addProblem(problems, at, problem);
  }
  return rubric;
}

export function readAggregation(problems: ProblemList, raw: unknown, at = 'aggregation'): AggregationMethod {
  const method = AGGREGATION_METHODS.find((candidate) => candidate === raw);
  if (!method) {
    addProblem(problems, at, `must be one of ${AGGREGATION_METHODS.join(', ')}, got ${JSON.stringify(raw)}`);
    return 'trimmed-mean';
  }
  return method;
}

