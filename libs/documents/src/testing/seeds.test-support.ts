import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type {
  DemoScenarioAnnex,
  FutureScenarioAnnex,
  InnovationPlatformAnnex,
  KeyEnterpriseAnnex,
} from '../annex.types';

function readSeed<T>(fileName: string): T {
  return JSON.parse(readFileSync(resolve(process.cwd(), 'seeds/hunan-2025', fileName), 'utf8')) as T;
}

/** The 2025 annexes as the seed files hold them (repository root = process.cwd()). */
export const seedAnnexes = {
  1: () => readSeed<KeyEnterpriseAnnex>('annex-1-key-enterprises.json'),
  2: () => readSeed<DemoScenarioAnnex>('annex-2-demo-scenarios.json'),
  3: () => readSeed<FutureScenarioAnnex>('annex-3-future-scenarios.json'),
  4: () => readSeed<InnovationPlatformAnnex>('annex-4-innovation-platforms.json'),
};

export function readAnnexHeadings(): { annexes: { annexNumber: number; heading: string }[] } {
  return readSeed('annex-headings.json');
}

/** Every organisation and platform name the 2025 lists hold. */
export function seedOrganisationNames(): string[] {
  return [
    ...seedAnnexes[1]().tiers.flatMap((tier) => tier.items.map((item) => item.organisation)),
    ...seedAnnexes[4]().categories.flatMap((category) => category.platforms.map((platform) => platform.name)),
  ];
}
