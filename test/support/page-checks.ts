import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { LATIN_SENTENCE } from './people-message';

const axeSource = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface PageFinding {
  readonly page: string;
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

/**
 * The checks the portal walk runs on every page, for browser suites of their own: axe-core's serious
 * and critical violations (evaluated over the DevTools protocol, so the strict CSP stays on) and
 * lines with a run of three Latin-script words (an English sentence; <code> and SVG aside).
 */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

/** Every axe-core violation of the page as it is now, of any impact. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  // A string, not a function: this code is type-checked without the DOM library.
  return (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) =>
    result.violations.map((violation) => ({ id: violation.id, impact: violation.impact || '', help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) })))`)) as AxeViolation[];
}

/** The serious and critical ones among `violations`, as findings of the page `name`. */
export function seriousFindings(violations: readonly AxeViolation[], name: string): PageFinding[] {
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ page: name, rule: violation.id, impact: violation.impact, help: violation.help, targets: violation.targets.slice(0, 5) }));
}

export async function seriousAxeViolations(page: Page, name: string): Promise<PageFinding[]> {
  return seriousFindings(await axeViolations(page), name);
}

export async function latinSentences(page: Page): Promise<string[]> {
  const lines = (await page.evaluate(`(() => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll('code, pre, script, style, svg, kbd').forEach((node) => node.remove());
    return body.innerText.split('\\n');
  })()`)) as string[];
  return lines.filter((line) => LATIN_SENTENCE.test(line)).map((line) => line.trim().slice(0, 120));
}
