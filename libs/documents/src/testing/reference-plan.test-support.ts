import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const REFERENCE = 'shared/reference/hunan-ai-plus-plan-2025.txt';

/**
 * The published plan text. Tests run from the repository root (process.cwd(), not __dirname, which
 * native ES modules lack); shared/ sits beside the repository: ../shared in the work tree,
 * <parent>/shared for CI's fresh clone, which may be one level deeper.
 */
export function readReferencePlan(): string {
  const candidates = [
    ...new Set([resolve(process.cwd(), '..', REFERENCE), resolve(process.cwd(), '..', '..', REFERENCE)]),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `the reference plan text is missing: looked for ${candidates.join(' and ')} ` +
        `(run the tests from the repository root, with shared/ beside the repository)`,
    );
  }
  return readFileSync(found, 'utf8');
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
