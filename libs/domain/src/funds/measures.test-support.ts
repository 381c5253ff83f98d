import { readSeedJson } from '../shared/seed-json.test-support';
import { parseMeasureCatalogue } from './measures';
import type { MeasureCatalogue } from './measures';

const seed = readSeedJson('measures/hunan-2025.json');

/** The measures of 附件5 as the seed file gives them. */
export function seedMeasures(): MeasureCatalogue {
  return parseMeasureCatalogue(seed);
}
