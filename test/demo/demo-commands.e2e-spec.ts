/**
 * The demo's commands: `npm run demo` (the 2025 replay against the published annexes) and `npm run
 * annexes`. One runner file, so that Jest loads the app's module graph once for both; each starts an app
 * of its own (the replay runs in 2025, the annexes walk 2026). A new cases module is one line here;
 * test/foundation/case-runners.spec.ts fails when one is left out.
 */
import './demo-replay.cases';
import './annexes-cli.cases';
