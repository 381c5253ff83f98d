import type { AuthenticatedClient, TestApp } from '../../support/test-app';

const opened = new WeakMap<TestApp, Promise<void>>();

/**
 * Opens demo-scenario-2026 (deadline 31 March) once per app, for the cases that only need a selection to
 * draft a dossier in: on the shared app (test/support/shared-test-app.ts) an earlier case has opened it.
 */
export function openDemoSelection(t: TestApp, admin: AuthenticatedClient): Promise<void> {
  let opening = opened.get(t);
  if (!opening) {
    opening = admin
      .post('/api/v1/selections')
      .send({ programme: 'demo-scenario', year: 2026, submissionDeadlineDate: '2026-03-31' })
      .expect(201)
      .then(() => undefined);
    opened.set(t, opening);
  }
  return opening;
}
