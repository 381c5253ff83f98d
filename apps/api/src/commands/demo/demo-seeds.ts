import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoScenarioAnnex, FutureScenarioAnnex, InnovationPlatformAnnex, KeyEnterpriseAnnex } from '@app/documents';
import { creditCodeCheckCharacter } from '@app/domain/credit-code';
import type { ProgrammeCode } from '@app/domain/programmes';

/** The parts of a programme's rules (seeds/programmes) the demo needs to fill a valid dossier. */
export interface DemoProgramme {
  tiers: { code: string; name: string; quota: number | null }[];
  rubric: { code: string; maxPoints: number }[];
  attachments: { kinds: { code: string; required: boolean }[] };
}

function readJson<T>(seedsDir: string, ...path: string[]): T {
  return JSON.parse(readFileSync(join(seedsDir, ...path), 'utf8')) as T;
}

/** The published 2025 lists (seeds/hunan-2025): what the demo replays. */
export function readHunan2025(seedsDir: string) {
  return {
    keyEnterprises: readJson<KeyEnterpriseAnnex>(seedsDir, 'hunan-2025', 'annex-1-key-enterprises.json'),
    demoScenarios: readJson<DemoScenarioAnnex>(seedsDir, 'hunan-2025', 'annex-2-demo-scenarios.json'),
    futureScenarios: readJson<FutureScenarioAnnex>(seedsDir, 'hunan-2025', 'annex-3-future-scenarios.json'),
    platforms: readJson<InnovationPlatformAnnex>(seedsDir, 'hunan-2025', 'annex-4-innovation-platforms.json'),
  };
}

export function readProgramme(seedsDir: string, programme: ProgrammeCode): DemoProgramme {
  return readJson<DemoProgramme>(seedsDir, 'programmes', `${programme}.json`);
}

/**
 * A SYNTHETIC 统一社会信用代码 with a valid check character: the real organisations' codes are not
 * part of the published lists, so the demo makes them up (91430100MA4X + serial).
 */
export function syntheticCreditCode(serial: number): string {
  const body = `91430100MA4X${String(serial).padStart(5, '0')}`;
  return body + creditCodeCheckCharacter(body);
}

/**
 * SYNTHETIC expert points that add up to `total`: every criterion at its maximum, the shortfall taken
 * from the criteria in turn. The same points from every expert make the aggregate equal `total`.
 */
export function syntheticPoints(rubric: DemoProgramme['rubric'], total: number): Record<string, number> {
  const points = Object.fromEntries(rubric.map((criterion) => [criterion.code, criterion.maxPoints]));
  let shortfall = rubric.reduce((sum, criterion) => sum + criterion.maxPoints, 0) - total;
  for (const criterion of rubric) {
    const taken = Math.min(shortfall, criterion.maxPoints);
    points[criterion.code] -= taken;
    shortfall -= taken;
  }
  return points;
}

/** A tiny PDF per attachment; distinct bytes, since a dossier refuses the same file twice. */
export function syntheticPdf(label: string): Blob {
  return new Blob([`%PDF-1.4\n% 演示材料(合成) ${label}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`], { type: 'application/pdf' });
}
