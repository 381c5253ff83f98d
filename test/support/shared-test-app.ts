import { startTestApp } from './test-app';
import type { TestApp } from './test-app';

/**
 * One booted app (PGlite, the default clock and settings) for the cases modules of one runner file that
 * do not need an app of their own: each makes its own organisations, users and experts, and never moves
 * the clock. Booted on first use; closed after the runner file's last test (Jest gives each test file its
 * own module registry, so this is one app per file). Cases that set the clock, change settings or count
 * everything the app holds start their own with startTestApp.
 */
let shared: Promise<TestApp> | undefined;

export function sharedTestApp(): Promise<TestApp> {
  shared ??= startTestApp('pglite');
  return shared;
}

afterAll(async () => {
  const started = shared;
  shared = undefined;
  await (await started)?.close();
});
