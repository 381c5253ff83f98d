import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A seed file of the repository, e.g. `readSeedJson('calendar/2025.json')` (specs run from the
 * repository's root, as `npm test` starts them). Read rather than imported: Jest's ES-module loader warns
 * on every JSON import without an import attribute, which code typed as CommonJS cannot write.
 */
export function readSeedJson<T = any>(path: string): T {
  return JSON.parse(readFileSync(join(process.cwd(), 'seeds', path), 'utf8')) as T;
}
