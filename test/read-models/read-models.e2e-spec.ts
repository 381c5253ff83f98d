/**
 * The read models behind the API: read-your-writes (also with the projector in its own process), the
 * plan call and the experts' lists, and the read-model queries. One runner file, so that Jest loads the
 * app's module graph once for all three; each starts an app of its own (they move the clock or change
 * settings). A new cases module is one line here; test/foundation/case-runners.spec.ts fails when one is
 * left out.
 */
import './read-your-writes.cases';
import './plan-read-your-writes.cases';
import './read-model-queries.cases';
