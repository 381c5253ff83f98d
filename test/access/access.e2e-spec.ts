/**
 * Who may call what, and the OpenAPI document that says so: one runner file, so that Jest loads the app's
 * module graph once for both (a few seconds of CPU for each test file that boots the app), on one shared
 * app (test/support/shared-test-app.ts): the matrix sends to ids that do not exist, and the document is
 * only read. A new cases module is one line here; test/foundation/case-runners.spec.ts fails when one is
 * left out.
 */
import './openapi.cases';
import './access-matrix.cases';
