import type { AggregationMethod, Criterion } from '../scoring';
import { minimumValidReviewsOf } from './programme.types';

/** 通讯评审 (online, experts per dossier), 会议评审 (a panel), 现场考察/答辩 (a panel after a visit or defence). */
export type ReviewStageKind = 'online' | 'panel' | 'site-visit-or-defence';

export const REVIEW_STAGE_KINDS: readonly ReviewStageKind[] = ['online', 'panel', 'site-visit-or-defence'];

/**
 * How many dossiers a stage puts forward to the next: the best `perTier` of each tier, or everyone
 * whose aggregate is at or above `minimum`. Dossiers tied with the last one put forward go too.
 */
export type StageAdvancement =
  | { readonly kind: 'top-per-tier'; readonly perTier: number }
  | { readonly kind: 'threshold'; readonly minimum: number };

/** What a defence (答辩) or site visit no-show means for the dossier, as the call says. */
export type DefenceNoShowRule = 'score-zero' | 'withdrawn' | 'panel-scores-anyway';

export const DEFENCE_NO_SHOW_RULES: readonly DefenceNoShowRule[] = ['score-zero', 'withdrawn', 'panel-scores-anyway'];

/** One review stage as a call runs it: every setting resolved. */
export interface ReviewStageRule {
  readonly code: string;
  /** 通讯评审, 会议评审, 答辩评审 ... */
  readonly name: string;
  readonly kind: ReviewStageKind;
  readonly rubric: readonly Criterion[];
  readonly aggregation: AggregationMethod;
  /** Online stages: experts planned per dossier. Panel stages: null (the panel sees every dossier). */
  readonly expertsPerDossier: number | null;
  /** 有效评审意见 needed per dossier in this stage. */
  readonly minimumValidReviews: number;
  /** Null on the last stage only. */
  readonly advance: StageAdvancement | null;
  /** Panel stages with a defence or visit slot per dossier; null when the panel scores the papers. */
  readonly defence: { readonly noShow: DefenceNoShowRule } | null;
}

/** How the final ranking is computed: the last stage's aggregate, or weights in percent per stage code. */
export type FinalRankingRule =
  | { readonly kind: 'last-stage' }
  | { readonly kind: 'weighted'; readonly percentByStage: Readonly<Record<string, number>> };

/**
 * A stage as a programme or call declares it (and as SelectionOpened records it): the first stage
 * inherits the programme's rubric, aggregation, experts per dossier and minimum; later ones set their own.
 */
export interface DeclaredReviewStage {
  readonly code: string;
  readonly name: string;
  readonly kind: ReviewStageKind;
  readonly rubric?: readonly Criterion[];
  readonly aggregation?: AggregationMethod;
  readonly minimumValidReviews?: number;
  readonly advance?: StageAdvancement;
  readonly defence?: { readonly noShow: DefenceNoShowRule };
}

interface ReviewSettings {
  readonly rubric: readonly Criterion[];
  readonly aggregation: AggregationMethod;
  readonly expertsPerDossier: number;
  readonly minimumValidReviews?: number;
  readonly stages?: readonly DeclaredReviewStage[];
  readonly finalRanking?: FinalRankingRule;
}

/** Code and name of the one stage a programme without declared stages runs. */
export const SINGLE_STAGE = { code: 'online', name: '通讯评审' } as const;

/**
 * The stages a call runs. Programmes (and calls opened before stages existed) that declare none run
 * one online stage with the programme's rubric, experts and aggregation: everything reads as stage 1.
 */
export function reviewStagesOf(rules: ReviewSettings): readonly ReviewStageRule[] {
  const first = minimumValidReviewsOf(rules);
  if (rules.stages && rules.stages.length > 0) {
    return rules.stages.map((stage, index) => ({
      code: stage.code,
      name: stage.name,
      kind: stage.kind,
      rubric: index === 0 ? rules.rubric : (stage.rubric ?? rules.rubric),
      aggregation: index === 0 ? rules.aggregation : (stage.aggregation ?? rules.aggregation),
      expertsPerDossier: index === 0 ? rules.expertsPerDossier : null,
      minimumValidReviews: index === 0 ? first : (stage.minimumValidReviews ?? first),
      advance: stage.advance ?? null,
      defence: stage.defence ?? null,
    }));
  }
  return [
    {
      ...SINGLE_STAGE,
      kind: 'online',
      rubric: rules.rubric,
      aggregation: rules.aggregation,
      expertsPerDossier: rules.expertsPerDossier,
      minimumValidReviews: first,
      advance: null,
      defence: null,
    },
  ];
}

/** Stage `number` (1-based) of the call; refuses nothing, so callers check the range first. */
export function reviewStageOf(rules: ReviewSettings, number: number): ReviewStageRule {
  return reviewStagesOf(rules)[number - 1];
}

export function finalRankingOf(rules: ReviewSettings): FinalRankingRule {
  return rules.finalRanking ?? { kind: 'last-stage' };
}
