import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './find-chromium';

describe('finding Chromium to print PDF with', () => {
  const folder = mkdtempSync(join(tmpdir(), 'find-chromium-'));
  const executable = join(folder, 'chromium-browser');
  writeFileSync(executable, '#!/bin/sh\n');
  chmodSync(executable, 0o755);
  const notExecutable = join(folder, 'notes.txt');
  writeFileSync(notExecutable, 'not a browser');

  it('given CHROMIUM_PATH naming an executable, when looking, then it is used', () => {
    expect(findChromium(executable, '')).toEqual({ found: true, path: executable });
  });

  it('given CHROMIUM_PATH naming a file that is not executable, when looking, then nothing else is tried and the reason names it', () => {
    const lookup = findChromium(notExecutable, folder);
    expect(lookup.found).toBe(false);
    expect(lookup.found ? '' : lookup.reason).toContain(`CHROMIUM_PATH 指向的 ${notExecutable} 不是可执行的 Chromium`);
  });

  it('given no CHROMIUM_PATH, when a chromium-browser is on PATH, then it is found', () => {
    expect(findChromium(undefined, `/nonexistent:${folder}`)).toEqual({ found: true, path: executable });
  });

  it('given no CHROMIUM_PATH and none on PATH, when looking, then the reason names the commands looked for', () => {
    expect(findChromium(undefined, '/nonexistent')).toEqual({ found: false, reason: 'PATH 中找不到 chromium / chromium-browser / google-chrome' });
  });
});
