import { scoresInStage } from '@app/domain/dossier';
import type { Dossier } from '@app/domain/dossier';
import type { RankedEntry } from '@app/domain/ranking';
import type { Selection } from '@app/domain/selection';
import type { ScoreboardRow, ShortlistRow } from './review-outcome-read-model';

/**
 * The scoreboard and shortlist rows of a selection computed from its folded aggregate and dossiers,
 * the same rows the selection-board projection keeps in rm_scoreboard and rm_shortlist_entries
 * (review-outcome-rows.ts), in the same order: for reads as of an earlier moment, which fold the streams'
 * prefixes instead of reading today's tables.
 */
export function scoreboardRowsOf(selection: Selection, dossiers: readonly Dossier[]): ScoreboardRow[] {
  const byId = new Map(dossiers.map((dossier) => [dossier.dossierId, dossier]));
  return selection.aggregates.map((line) => {
    const reviewed = byId.get(line.dossierId);
    return {
      dossierId: line.dossierId,
      title: reviewed?.title ?? '',
      tier: reviewed?.tier ?? '',
      count: line.count,
      aggregate: line.aggregate,
      mean: line.mean,
      median: line.median,
      minimum: line.minimum,
      maximum: line.maximum,
      spread: line.spread,
      disagreement: line.disagreement,
      totals: (reviewed ? scoresInStage(reviewed, selection.stage ?? 1) : []).map((score) => ({ expertId: score.expertId, total: score.total })),
    };
  });
}

export function shortlistRowsOf(selection: Selection, dossiers: readonly Dossier[]): ShortlistRow[] {
  if (selection.shortlist === null) return [];
  const byId = new Map(dossiers.map((dossier) => [dossier.dossierId, dossier]));
  const aggregates = new Map(selection.aggregates.map((line) => [line.dossierId, line]));
  const rowOf = (dossierId: string, tier: string, standing: ShortlistRow['standing'], ranked: RankedEntry | null): ShortlistRow => {
    const listed = byId.get(dossierId);
    const aggregate = ranked ?? aggregates.get(dossierId);
    return {
      dossierId,
      tier,
      standing,
      rank: ranked?.rank ?? null,
      aggregate: aggregate?.aggregate ?? null,
      median: aggregate?.median ?? null,
      minimum: aggregate?.minimum ?? null,
      title: listed?.title ?? '',
      applicantCreditCode: listed?.applicantCreditCode ?? '',
    };
  };
  const listed = selection.shortlist.tiers.flatMap((tier) => [
    ...tier.selected.map((ranked) => rowOf(ranked.dossierId, tier.tier, 'selected', ranked)),
    ...tier.reserves.map((ranked) => rowOf(ranked.dossierId, tier.tier, 'reserve', ranked)),
  ]);
  const below = selection.shortlist.belowThreshold.map((dossierId) => rowOf(dossierId, byId.get(dossierId)?.tier ?? '', 'below-threshold', null));
  return [...listed, ...below];
}
