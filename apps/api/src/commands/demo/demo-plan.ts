import type { ProgrammeCode } from '@app/domain/programmes';
import { readHunan2025 } from './demo-seeds';

/** One dossier the demo files: who applies, in which tier, with which programme fields. */
export interface DemoApplicant {
  readonly organisation: string;
  readonly tier: string;
  readonly title: string;
  readonly fields: Record<string, string>;
}

/** A 2025 selection as the demo runs it; applicants in the published order of their tier. */
export interface DemoSelection {
  readonly programme: ProgrammeCode;
  readonly annexNumber: 1 | 2 | 4;
  readonly label: string;
  readonly batch?: number;
  readonly quotas?: Record<string, number>;
  readonly applicants: DemoApplicant[];
}

// Only what the published lists print is real; every other field is a SYNTHETIC placeholder.
const SYNTHETIC = '(演示数据,合成)';

const KEY_ENTERPRISE_TIERS: Record<string, string> = {
  基础层企业: 'foundation',
  技术层企业: 'technology',
  应用层企业: 'application',
  重点培养型企业: 'cultivation',
};

const PLATFORM_TIERS: Record<string, string> = { 研究型平台: 'research', 应用型平台: 'application', 创新型平台: 'innovation' };

function tierCode(table: Record<string, string>, name: string): string {
  const code = table[name];
  if (!code) throw new Error(`the seed names a tier "${name}" the programme does not have`);
  return code;
}

/** The three 2025 selections of the plan's annexes 1, 2 and 4, from seeds/hunan-2025. */
export function demoSelections(seedsDir: string): DemoSelection[] {
  const lists = readHunan2025(seedsDir);
  return [
    {
      programme: 'key-enterprise',
      annexNumber: 1,
      label: '十大重点企业 (附件1)',
      applicants: lists.keyEnterprises.tiers.flatMap((tier) =>
        tier.items.map((item) => ({
          organisation: item.organisation,
          tier: tierCode(KEY_ENTERPRISE_TIERS, tier.name),
          title: `${item.organisation}(${item.speciality})`,
          fields: {
            enterpriseName: item.organisation,
            specialty: item.speciality,
            profile: `企业简介${SYNTHETIC}`,
            aiBusiness: `人工智能业务${SYNTHETIC}`,
            achievements: `主要成果${SYNTHETIC}`,
          },
        })),
      ),
    },
    {
      programme: 'demo-scenario',
      annexNumber: 2,
      label: '十大示范场景 (附件2)',
      applicants: lists.demoScenarios.scenarios.map((scenario, index) => ({
        // The plan names scenarios, not their applicants: the applying organisation is SYNTHETIC.
        organisation: `示范场景建设单位${index + 1}${SYNTHETIC}`,
        tier: 'scenario',
        title: scenario.title,
        fields: {
          sceneName: scenario.title,
          domain: scenario.domain,
          description: scenario.description,
          demonstration: scenario.demonstration,
          promotionValue: scenario.promotionValue,
        },
      })),
    },
    {
      programme: 'innovation-platform',
      annexNumber: 4,
      label: `十大重点科技创新平台${lists.platforms.batchLabel ?? ''} (附件4)`,
      batch: 1,
      quotas: Object.fromEntries(
        lists.platforms.categories.map((category) => [tierCode(PLATFORM_TIERS, category.name), category.platforms.length]),
      ),
      applicants: lists.platforms.categories.flatMap((category) =>
        category.platforms.map((platform) => ({
          organisation: platform.name,
          tier: tierCode(PLATFORM_TIERS, category.name),
          title: platform.name,
          fields: {
            platformName: platform.name,
            // Printed for 应用型 platforms only; the others get a SYNTHETIC direction the form requires.
            direction: platform.direction ?? `研究方向${SYNTHETIC}`,
            hostInstitution: `依托单位${SYNTHETIC}`,
            description: `平台简介${SYNTHETIC}`,
            achievements: `主要成果${SYNTHETIC}`,
          },
        })),
      ),
    },
  ];
}
