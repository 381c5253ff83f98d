import type { DossierAggregate } from '@app/domain/scoring';
import type { Selection } from '@app/domain/selection';
import { scoreStripSvg } from './score-strip';

export interface ScoreboardDossier {
  readonly dossierId: string;
  readonly title: string;
  readonly tier: string;
  readonly totals: readonly number[];
}

export type Standing = 'selected' | 'reserve' | 'outside' | 'below-threshold';

const STANDING_NAMES: Record<Standing, string> = { selected: '入围', reserve: '候补', outside: '未入围', 'below-threshold': '低于最低分' };

export interface ScoreboardRow extends DossierAggregate {
  readonly place: number;
  readonly title: string;
  readonly href: string;
  readonly standing: Standing;
  readonly standingName: string;
  /** The quota's cut-off line falls after this row. */
  readonly cutOffAfter: boolean;
  readonly chart: string;
}

export interface ScoreboardTier {
  readonly name: string;
  readonly quota: number;
  readonly rows: readonly ScoreboardRow[];
}

/**
 * 评分汇总 in the ranking's own order, per tier: the selected places by rank, the line of the quota,
 * the reserves (候补), the rest of the tier by aggregate, then those under the minimum score. Only the
 * frozen shortlist decides the order, so the board shows exactly what review closed with.
 */
export function rankedScoreboard(selection: Selection, dossiers: readonly ScoreboardDossier[], hrefOf: (dossierId: string) => string): ScoreboardTier[] {
  const shortlist = selection.shortlist;
  if (!shortlist) return [];
  const aggregateOf = new Map(selection.aggregates.map((aggregate) => [aggregate.dossierId, aggregate]));
  const dossierOf = new Map(dossiers.map((dossier) => [dossier.dossierId, dossier]));
  const below = new Set(shortlist.belowThreshold);
  return shortlist.tiers.map((tier) => {
    const placed = new Set([...tier.selected, ...tier.reserves].map((entry) => entry.dossierId));
    const ofTier = selection.aggregates.filter((aggregate) => dossierOf.get(aggregate.dossierId)?.tier === tier.tier && !placed.has(aggregate.dossierId));
    const byAggregate = (a: DossierAggregate, b: DossierAggregate) => b.aggregate - a.aggregate;
    const ordered: { dossierId: string; standing: Standing }[] = [
      ...tier.selected.map((entry) => ({ dossierId: entry.dossierId, standing: 'selected' as const })),
      ...tier.reserves.map((entry) => ({ dossierId: entry.dossierId, standing: 'reserve' as const })),
      ...ofTier.filter((a) => !below.has(a.dossierId)).sort(byAggregate).map((a) => ({ dossierId: a.dossierId, standing: 'outside' as const })),
      ...shortlist.belowThreshold.filter((id) => ofTier.some((a) => a.dossierId === id)).map((dossierId) => ({ dossierId, standing: 'below-threshold' as const })),
    ];
    const rows = ordered.flatMap(({ dossierId, standing }, index) => {
      const aggregate = aggregateOf.get(dossierId);
      if (!aggregate) return [];
      const dossier = dossierOf.get(dossierId);
      const title = dossier?.title ?? dossierId;
      return [{
        ...aggregate,
        place: index + 1,
        title,
        href: hrefOf(dossierId),
        standing,
        standingName: STANDING_NAMES[standing],
        cutOffAfter: standing === 'selected' && index === tier.selected.length - 1,
        chart: scoreStripSvg(dossier?.totals ?? [], aggregate.aggregate, aggregate.median, aggregate.disagreement, `${title}的专家评分分布`),
      }];
    });
    return { name: selection.rules.tiers.find((rule) => rule.code === tier.tier)?.name ?? tier.tier, quota: tier.quota, rows };
  });
}
