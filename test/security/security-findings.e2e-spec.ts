/**
 * The security findings over HTTP, one cases module per finding. They run from this one file so that
 * Jest loads the app's module graph once for all of them (3–4 s of CPU for each test file that boots the
 * app), and the cases that need no app of their own share one (test/support/shared-test-app.ts). The
 * crash spec stays a file of its own: its children are separate processes. A new cases module is one
 * line here; test/foundation/case-runners.spec.ts fails when one is left out.
 */
import './csrf.cases';
import './existence-oracle.cases';
import './headers.cases';
import './no-secrets-in-logs.cases';
import './bad-input-findings.cases';
import './uploads.cases';
import './outcome-visibility.cases';
import './sessions.cases';
import './sign-in-throttle.cases';
