// The programmes as in the real seed files, for specs here and in the deciders.
import { readSeedJson } from '../shared/seed-json.test-support';
// Through the module's public surface, as the application uses it.
import { CallRuleOverrides, CallRules, parseProgrammeRules, ProgrammeCode, ProgrammeRules, resolveCallRules } from '.';

const dataset = readSeedJson('programmes/dataset.json');
const demoScenario = readSeedJson('programmes/demo-scenario.json');
const innovationPlatform = readSeedJson('programmes/innovation-platform.json');
const innovativeProduct = readSeedJson('programmes/innovative-product.json');
const keyEnterprise = readSeedJson('programmes/key-enterprise.json');
const verticalModel = readSeedJson('programmes/vertical-model.json');

export const seedProgrammeJsons: Readonly<Record<ProgrammeCode, unknown>> = {
  'key-enterprise': keyEnterprise,
  'demo-scenario': demoScenario,
  'vertical-model': verticalModel,
  dataset,
  'innovative-product': innovativeProduct,
  'innovation-platform': innovationPlatform,
};

export function seedRules(code: ProgrammeCode): ProgrammeRules {
  return parseProgrammeRules(seedProgrammeJsons[code]);
}

/** Quotas for the programmes whose seed leaves them to the call. */
export const DEFAULT_TEST_QUOTAS: Readonly<Record<ProgrammeCode, Record<string, number>>> = {
  'key-enterprise': {},
  'demo-scenario': {},
  'vertical-model': { model: 10 },
  dataset: { dataset: 10 },
  'innovative-product': { product: 10 },
  'innovation-platform': { research: 2, application: 1, innovation: 2 },
};

export function seedCallRules(code: ProgrammeCode, overrides: CallRuleOverrides = {}): CallRules {
  return resolveCallRules(seedRules(code), { quotas: DEFAULT_TEST_QUOTAS[code], ...overrides });
}

/** A deep copy of a seed's JSON to break on purpose. */
export function seedJsonCopy(code: ProgrammeCode): Record<string, unknown> {
  return JSON.parse(JSON.stringify(seedProgrammeJsons[code])) as Record<string, unknown>;
}
