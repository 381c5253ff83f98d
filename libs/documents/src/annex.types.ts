/**
 * View models of the published annexes: plain, JSON-serialisable data, the shape of the files in
 * seeds/hunan-2025. They carry facts only; numbering, counts and labels are added by the layouts,
 * so a list cannot disagree with its own headings.
 */

/** 附件1: enterprises in tiers (基础层企业, 技术层企业, 应用层企业, then 重点培养型企业). */
export interface KeyEnterpriseAnnex {
  kind: 'key-enterprises';
  /** N of "附件N". */
  annexNumber: number;
  /** e.g. 湖南省“人工智能+”十大重点企业 */
  heading: string;
  tiers: KeyEnterpriseTier[];
}

export interface KeyEnterpriseTier {
  /** e.g. 基础层企业 */
  name: string;
  /**
   * Item numbers run on across tiers (the 十大 list is 1-10 over 基础层, 技术层, 应用层); a tier that
   * is a list of its own (重点培养型, ten more beside the ten) starts again at 1.
   */
  startsNewList?: boolean;
  items: KeyEnterprise[];
}

export interface KeyEnterprise {
  organisation: string;
  /** The field it is selected for, printed in parentheses, e.g. 算力芯片 */
  speciality: string;
}

/** 附件2: application scenarios, each with its three paragraphs. */
export interface DemoScenarioAnnex {
  kind: 'demo-scenarios';
  annexNumber: number;
  heading: string;
  scenarios: DemoScenario[];
}

export interface DemoScenario {
  /** e.g. 轨道交通装备柔性制造 */
  title: string;
  /** e.g. AI+离散型制造, printed in parentheses after the title */
  domain: string;
  /** 场景描述 */
  description: string;
  /** 示范应用 */
  demonstration: string;
  /** 推广价值 */
  promotionValue: string;
}

/** 附件3: scenarios to build towards, each with its 场景描述. */
export interface FutureScenarioAnnex {
  kind: 'future-scenarios';
  annexNumber: number;
  heading: string;
  scenarios: FutureScenario[];
}

export interface FutureScenario {
  title: string;
  /** 场景描述 */
  description: string;
}

/** 附件4: platforms in categories (研究型平台, 应用型平台, 创新型平台), numbered on across them. */
export interface InnovationPlatformAnnex {
  kind: 'innovation-platforms';
  annexNumber: number;
  heading: string;
  /** e.g. 首批, printed in parentheses on its own line under the heading */
  batchLabel?: string;
  categories: InnovationPlatformCategory[];
}

export interface InnovationPlatformCategory {
  /** e.g. 研究型平台 */
  name: string;
  platforms: InnovationPlatform[];
}

export interface InnovationPlatform {
  name: string;
  /** e.g. AI+先进制造/具身智能, printed in parentheses when present */
  direction?: string;
}

export type Annex = KeyEnterpriseAnnex | DemoScenarioAnnex | FutureScenarioAnnex | InnovationPlatformAnnex;

export type AnnexKind = Annex['kind'];

/** A money programme's final list (附件5: a share of 核定投资额 up to a cap). */
export interface AwardListDocument {
  /** e.g. 2026年湖南省“人工智能+”十大示范场景奖补名单 */
  heading: string;
  year: number;
  /** Programme code, used in the file name, e.g. demo-scenario */
  programmeCode: string;
  /** e.g. 十大示范场景 */
  programmeName: string;
  rows: AwardListRow[];
  /** The plan's non-duplication rule (不重复享受, 就高原则), printed under the table. */
  nonDuplicationNote: string;
}

export interface AwardListRow {
  /** 序号 */
  serial: number;
  organisation: string;
  projectTitle: string;
  /** 核定投资额, a whole number of fen */
  approvedInvestmentFen: number;
  /** 支持标准: the programme's min(rate × 核定投资额, cap) for this project, before 不重复享受. */
  standard: AwardStandard;
  /** 奖补金额 actually paid, a whole number of fen (the difference on a top-up, 0 when not paid). */
  awardAmountFen: number;
  /** paid: the standard in full; top-up: the difference to a higher standard (就高原则); not-paid: 不重复享受. */
  decision: 'paid' | 'top-up' | 'not-paid';
  /** Why the amount differs from the standard, in Chinese, naming the earlier selection (printed for top-up and not-paid). */
  reason: string;
}

export interface AwardStandard {
  /** e.g. 2000 = 20 % */
  rateBasisPoints: number;
  /** 最高 …, a whole number of fen */
  capFen: number;
  /** min(rate × 核定投资额, cap), a whole number of fen */
  standardFen: number;
}
