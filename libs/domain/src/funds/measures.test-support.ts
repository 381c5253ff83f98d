import seed from '../../../../seeds/measures/hunan-2025.json';
import { parseMeasureCatalogue } from './measures';
import type { MeasureCatalogue } from './measures';

/** The measures of 附件5 as the seed file gives them. */
export function seedMeasures(): MeasureCatalogue {
  return parseMeasureCatalogue(seed);
}
