import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseMeasureCatalogue } from '@app/domain/funds';
import type { MeasureCatalogue } from '@app/domain/funds';

/** The measures of 附件5, read once from SEEDS_DIR/measures/hunan-2025.json and validated by the domain. */
export class FundMeasures {
  private constructor(readonly catalogue: MeasureCatalogue) {}

  static load(seedsDir: string): FundMeasures {
    const path = join(resolve(seedsDir), 'measures', 'hunan-2025.json');
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`cannot read seed file ${path}: ${(error as Error).message}`);
    }
    return new FundMeasures(parseMeasureCatalogue(json));
  }
}
