/**
 * Bad input across the API: the hand-written cases on each database kind, and the corpus generated from
 * the OpenAPI document. One runner file, so that Jest loads the app's module graph once for both; each
 * starts an app of its own (both open the same call). A new cases module is one line here;
 * test/foundation/case-runners.spec.ts fails when one is left out.
 */
import './bad-input.cases';
import './bad-input-corpus.cases';
