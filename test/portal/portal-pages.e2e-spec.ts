/**
 * The portal's pages over HTTP (no browser), one cases module per page or desk. They run from this one
 * file so that Jest loads the app's module graph once for all of them (3–4 s of CPU for each test file
 * that boots the app), and the cases that need no app of their own share one (test/support/shared-test-app.ts).
 * A new cases module is one line here; test/foundation/case-runners.spec.ts fails when one is left out.
 */
import './portal-chrome.cases';
import './register-page.cases';
import './account-pages.cases';
import './admin-pages.cases';
import './applicant-actions.cases';
import './admin-confirmations.cases';
import './admin-dossier-page.cases';
import './calendar-page.cases';
import './notice-page.cases';
import './expert-draw.cases';
import './admin-stages-page.cases';
