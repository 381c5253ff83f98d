/**
 * Public notice, objections and awards over HTTP: the notice and award steps, 不重复享受 across two
 * selections, and two award decisions at the same moment. One runner file, so that Jest loads the app's
 * module graph once for all three; each starts an app of its own (they move the clock). A new cases module
 * is one line here; test/foundation/case-runners.spec.ts fails when one is left out.
 */
import './notice-awards.cases';
import './awards-non-duplication.cases';
import './awards-race.cases';
