import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome'] as const;

export type ChromiumLookup = { readonly found: true; readonly path: string } | { readonly found: false; readonly reason: string };

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Chromium the way test/support/browser-requirements.ts finds it: CHROMIUM_PATH when set (and then
 * only it), else chromium, chromium-browser or google-chrome on PATH. The reason says, in Chinese,
 * what the server lacks.
 */
export function findChromium(configuredPath: string | undefined, path = process.env.PATH ?? ''): ChromiumLookup {
  if (configuredPath) {
    return isExecutable(configuredPath)
      ? { found: true, path: configuredPath }
      : { found: false, reason: `CHROMIUM_PATH 指向的 ${configuredPath} 不是可执行的 Chromium` };
  }
  for (const folder of path.split(delimiter).filter(Boolean)) {
    for (const name of CHROMIUM_NAMES) {
      const candidate = join(folder, name);
      if (isExecutable(candidate)) return { found: true, path: candidate };
    }
  }
  return { found: false, reason: `PATH 中找不到 ${CHROMIUM_NAMES.join(' / ')}` };
}
