import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The plan text as published, kept in the repository (its source is named in seeds/hunan-2025/README.md). */
const REFERENCE = 'seeds/hunan-2025/reference/hunan-ai-plus-plan-2025.txt';

/** The published plan text. Tests run from the repository root (process.cwd(); native ES modules have no __dirname). */
export function readReferencePlan(): string {
  const path = resolve(process.cwd(), REFERENCE);
  if (!existsSync(path)) throw new Error(`the reference plan text is missing at ${path}: run the tests from the repository root`);
  return readFileSync(path, 'utf8');
}

/**
 * Annex N as printed in the plan: from the line that is exactly "  附件N" up to (not including) the
 * line that is exactly "  附件N+1" (附件5 ends 附件4), trailing blank lines removed, each line ended
 * by "\n". Exact equality skips the list of annexes earlier on ("  附件:1.…"), which is no heading.
 */
export function annexBlock(planText: string, annexNumber: number): string {
  const lines = planText.split('\n');
  const start = lines.indexOf(`  附件${annexNumber}`);
  const end = lines.indexOf(`  附件${annexNumber + 1}`, start + 1);
  if (start < 0 || end < 0) {
    throw new Error(`the reference text has no block from "  附件${annexNumber}" to "  附件${annexNumber + 1}"`);
  }
  const block = lines.slice(start, end);
  while (block.length > 0 && block[block.length - 1].trim() === '') block.pop();
  return block.map((line) => `${line}\n`).join('');
}
