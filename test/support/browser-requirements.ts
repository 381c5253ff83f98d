import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { findChromium as lookUpChromium } from '@app/documents/pdf/find-chromium';

/**
 * What a browser suite needs from the machine, found the way users have it, and what to install when
 * something is missing. Without it a suite is skipped with one line naming the Debian packages; where
 * skipping would hide a regression (CI=true, or REQUIRE_BROWSER_TESTS=1) a missing piece fails instead.
 */
export interface BrowserNeeds {
  /** Chromium for playwright-core: CHROMIUM_PATH, else chromium / chromium-browser / google-chrome on PATH. */
  readonly chromium?: boolean;
  /** A font fontconfig says can draw Chinese (fc-list :lang=zh). */
  readonly cjkFont?: boolean;
  /** pdftotext and pdffonts (poppler-utils). */
  readonly poppler?: boolean;
}

export interface BrowserMachine {
  readonly chromiumPath: string;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function onPath(command: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(folder, command);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** The same lookup the server's PDF printer makes (libs/documents), so a test and production agree. */
export function findChromium(): string | undefined {
  const lookup = lookUpChromium(process.env.CHROMIUM_PATH);
  return lookup.found ? lookup.path : undefined;
}

function hasCjkFont(): boolean {
  if (!onPath('fc-list')) return false;
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

/** The Debian packages that would give what `needs` asks for and the machine lacks. */
export function missingPackages(needs: BrowserNeeds): string[] {
  const missing: string[] = [];
  if (needs.chromium && !findChromium()) missing.push(process.env.CHROMIUM_PATH ? `chromium (CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not executable)` : 'chromium');
  if (needs.cjkFont && !hasCjkFont()) missing.push('fonts-wqy-zenhei');
  if (needs.poppler && !(onPath('pdftotext') && onPath('pdffonts'))) missing.push('poppler-utils');
  return missing;
}

export function browserTestsRequired(): boolean {
  return process.env.CI === 'true' || process.env.REQUIRE_BROWSER_TESTS === '1';
}

export function installLine(missing: readonly string[]): string {
  return `apt-get install ${missing.map((name) => name.split(' ')[0]).join(' ')}`;
}

/**
 * `describe`, when the machine has what the suite needs; otherwise skipped with the install line (or,
 * when browser tests are required, one failing test that says what is missing).
 */
export function describeInBrowser(name: string, needs: BrowserNeeds, body: (machine: BrowserMachine) => void): void {
  const missing = missingPackages(needs);
  if (missing.length === 0) {
    describe(name, () => body({ chromiumPath: findChromium() ?? '' }));
    return;
  }
  const reason = `needs ${missing.join(', ')}: ${installLine(missing)}`;
  if (browserTestsRequired()) {
    describe(name, () => {
      it('has what the browser suite needs (required: CI=true or REQUIRE_BROWSER_TESTS=1)', () => {
        throw new Error(`this machine lacks what the browser suite needs; ${reason}`);
      });
    });
    return;
  }
  process.stderr.write(`skipped browser suite "${name}": ${reason}\n`);
  describe.skip(`${name} (skipped: ${reason})`, () => body({ chromiumPath: '' }));
}
