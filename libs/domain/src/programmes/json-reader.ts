/**
 * A small reader for untrusted JSON that collects every problem with its path instead of stopping
 * at the first, so whoever edits a seed file sees all mistakes at once.
 */
export type ProblemList = string[];

export function addProblem(problems: ProblemList, path: string, message: string): void {
  problems.push(`${path} ${message}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readString(
  problems: ProblemList,
  path: string,
  value: unknown,
  options: { maxLength?: number; pattern?: RegExp; patternHint?: string } = {},
): string {
  if (typeof value !== 'string' || value.trim() === '') {
    addProblem(problems, path, 'must be a non-empty string');
    return '';
  }
  if (options.maxLength !== undefined && value.length > options.maxLength) {
    addProblem(problems, path, `must be at most ${options.maxLength} characters`);
  }
  if (options.pattern && !options.pattern.test(value)) {
    addProblem(problems, path, `must be ${options.patternHint ?? `like ${options.pattern.source}`}, got "${value}"`);
  }
  return value;
}

export function readInteger(
  problems: ProblemList,
  path: string,
  value: unknown,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    addProblem(problems, path, `must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
    return min;
  }
  return value;
}

export function readNumber(problems: ProblemList, path: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    addProblem(problems, path, `must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
    return min;
  }
  return value;
}

export function readBoolean(problems: ProblemList, path: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    addProblem(problems, path, `must be true or false, got ${JSON.stringify(value)}`);
    return false;
  }
  return value;
}

export function readArray(problems: ProblemList, path: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) {
    addProblem(problems, path, 'must be a list');
    return [];
  }
  return value;
}

export function readRecord(problems: ProblemList, path: string, value: unknown): Record<string, unknown> {
  if (!isRecord(value)) {
    addProblem(problems, path, 'must be an object');
    return {};
  }
  return value;
}

export function reportUnknownKeys(
  problems: ProblemList,
  path: string,
  record: Record<string, unknown>,
  known: readonly string[],
): void {
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) addProblem(problems, `${path}.${key}`, `is not a known setting (known: ${known.join(', ')})`);
  }
}

export function reportDuplicates(problems: ProblemList, path: string, codes: readonly string[]): void {
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) addProblem(problems, path, `lists "${code}" more than once`);
    seen.add(code);
  }
}
