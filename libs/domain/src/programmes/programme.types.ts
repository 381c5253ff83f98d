import type { AwardFormula } from '../awards';
import type { DeclarationText } from '../commitments/declaration';
import type { AggregationMethod, Criterion } from '../scoring';
import type { DeclaredReviewStage, FinalRankingRule } from './review-stages';

/** The six selections of the plan's annex 5 (十大支持措施). */
export type ProgrammeCode =
  | 'key-enterprise'
  | 'demo-scenario'
  | 'vertical-model'
  | 'dataset'
  | 'innovative-product'
  | 'innovation-platform';

export const PROGRAMME_CODES: readonly ProgrammeCode[] = [
  'key-enterprise',
  'demo-scenario',
  'vertical-model',
  'dataset',
  'innovative-product',
  'innovation-platform',
];

export function isProgrammeCode(value: unknown): value is ProgrammeCode {
  return typeof value === 'string' && (PROGRAMME_CODES as readonly string[]).includes(value);
}

/** A tier (层级) or category (类别) with its own quota; `null` means every call must set it. */
export interface ProgrammeTier {
  readonly code: string;
  readonly name: string;
  readonly quota: number | null;
}

/** A tier as fixed by a call: the quota is always known. */
export interface CallTier {
  readonly code: string;
  readonly name: string;
  readonly quota: number;
}

/** A text field the application form asks for (场景名称, 专长, ...). */
export interface DossierFieldRule {
  readonly code: string;
  readonly name: string;
  readonly required: boolean;
  readonly maxLength: number;
  /** Suggestions shown to applicants; not enforced. */
  readonly examples?: readonly string[];
}

/** A kind of attachment (申报书, 营业执照, ...), required or optional. */
export interface AttachmentKindRule {
  readonly code: string;
  readonly name: string;
  readonly required: boolean;
}

export interface AttachmentRules {
  readonly kinds: readonly AttachmentKindRule[];
  readonly maxFileBytes: number;
  readonly maxTotalBytes: number;
  readonly maxFiles: number;
}

interface RulesCommon {
  readonly code: ProgrammeCode;
  /** 十大示范场景, as in the plan. */
  readonly name: string;
  /** Which support measure of annex 5 the selection implements, quoted for documents. */
  readonly policyBasis: string;
  readonly rubric: readonly Criterion[];
  readonly expertsPerDossier: number;
  readonly maxDossiersPerExpert: number;
  readonly aggregation: AggregationMethod;
  /**
   * 有效评审意见: how many valid scores each dossier needs before review closes (NSFC: at least 3).
   * Absent only on calls opened before the rule (see minimumValidReviewsOf).
   */
  readonly minimumValidReviews?: number;
  /** A dossier whose experts are more than this many points apart (max − min) is flagged. */
  readonly disagreementSpread: number;
  readonly minimumScore: number;
  readonly reservesPerTier: number;
  readonly noticeWorkingDays: number;
  readonly award: AwardFormula;
  /** Money programmes pay a share of 核定投资额, which cannot exceed what was declared. */
  readonly requiresDeclaredInvestment: boolean;
  readonly fields: readonly DossierFieldRule[];
  /** The field whose value names the dossier's area of expertise (matched against experts' fields). */
  readonly expertiseField: string;
  readonly attachments: AttachmentRules;
  /** How many experts an applicant may ask to be kept away from its dossier. */
  readonly maxExcludedExperts: number;
  /** Who takes objections during the notice (异议受理部门 and its phone), as the call's notice names them. */
  readonly noticeContact?: NoticeContact;
  /** The 保密承诺、回避声明 experts sign before reading a dossier; absent: DEFAULT_DECLARATION. */
  readonly declaration?: DeclarationText;
  /** Review stages (通讯评审 → 会议评审/答辩); absent: one online stage (see reviewStagesOf). */
  readonly stages?: readonly DeclaredReviewStage[];
  /** Absent: the last stage's aggregate ranks (see finalRankingOf). */
  readonly finalRanking?: FinalRankingRule;
}

export interface NoticeContact {
  readonly office: string;
  readonly phone: string;
}

/** A programme's standing rules, as in seeds/programmes/{code}.json. */
export interface ProgrammeRules extends RulesCommon {
  readonly tiers: readonly ProgrammeTier[];
}

/** The rules a call is run under: the programme's defaults with the call's overrides applied. */
export interface CallRules extends RulesCommon {
  readonly tiers: readonly CallTier[];
}

/** What a call may change for its year; everything else stays as the programme says. */
export interface CallRuleOverrides {
  readonly quotas?: Readonly<Record<string, number>>;
  readonly rubric?: readonly Criterion[];
  readonly expertsPerDossier?: number;
  readonly maxDossiersPerExpert?: number;
  readonly aggregation?: AggregationMethod;
  readonly minimumValidReviews?: number;
  readonly disagreementSpread?: number;
  readonly minimumScore?: number;
  readonly reservesPerTier?: number;
  readonly noticeWorkingDays?: number;
  readonly award?: AwardFormula;
  readonly noticeContact?: NoticeContact;
  readonly declaration?: DeclarationText;
  readonly stages?: readonly DeclaredReviewStage[];
  readonly finalRanking?: FinalRankingRule;
}

export const OVERRIDABLE_RULES: readonly (keyof CallRuleOverrides)[] = [
  'quotas',
  'rubric',
  'expertsPerDossier',
  'maxDossiersPerExpert',
  'aggregation',
  'minimumValidReviews',
  'disagreementSpread',
  'minimumScore',
  'reservesPerTier',
  'noticeWorkingDays',
  'award',
  'noticeContact',
  'declaration',
  'stages',
  'finalRanking',
];

export function isMoneyProgramme(rules: { award: AwardFormula }): boolean {
  return rules.award.kind === 'money';
}

/** NSFC 第十四条: at least 3 valid expert reviews per dossier unless the programme or call says otherwise. */
export const DEFAULT_MINIMUM_VALID_REVIEWS = 3;

/**
 * The minimum in force. A call opened before the rule carries none: it keeps working as it did, with
 * the default capped at its experts per dossier (it could never have reached more).
 */
export function minimumValidReviewsOf(rules: Pick<RulesCommon, 'minimumValidReviews' | 'expertsPerDossier'>): number {
  return rules.minimumValidReviews ?? Math.min(DEFAULT_MINIMUM_VALID_REVIEWS, rules.expertsPerDossier);
}
