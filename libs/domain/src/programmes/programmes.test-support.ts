// The programmes as in the real seed files, for specs here and in the deciders.
import dataset from '../../../../seeds/programmes/dataset.json';
import demoScenario from '../../../../seeds/programmes/demo-scenario.json';
import innovationPlatform from '../../../../seeds/programmes/innovation-platform.json';
import innovativeProduct from '../../../../seeds/programmes/innovative-product.json';
import keyEnterprise from '../../../../seeds/programmes/key-enterprise.json';
import verticalModel from '../../../../seeds/programmes/vertical-model.json';
// Through the module's public surface, as the application uses it.
import { CallRuleOverrides, CallRules, parseProgrammeRules, ProgrammeCode, ProgrammeRules, resolveCallRules } from '.';

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
