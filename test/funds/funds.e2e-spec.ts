/**
 * The fund ledger over HTTP: a year of selections, 算力券 and national grants, and a selection award racing
 * a national award of one project. One runner file, so that Jest loads the app's module graph once for
 * both; each starts an app of its own (both move the clock). A new cases module is one line here;
 * test/foundation/case-runners.spec.ts fails when one is left out.
 */
import './fund-year.cases';
import './fund-race.cases';
