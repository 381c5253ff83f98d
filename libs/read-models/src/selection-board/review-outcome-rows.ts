import type { EntityManager } from 'typeorm';
import { scoresInStage } from '@app/domain/dossier';
import type { Dossier } from '@app/domain/dossier';
import type { RankedEntry } from '@app/domain/ranking';
import type { Selection } from '@app/domain/selection';
import { insertRows } from './insert-rows';

/**
 * What a selection decided after review — the scoreboard, the ranked shortlist, the awards — as rows,
 * replaced whole for the selection when an event that decides them is projected (OUTCOME_EVENTS; the
 * dossiers they name are read from rm_dossiers, already up to date within the batch), one set-based
 * INSERT per table.
 */
export const OUTCOME_EVENTS: ReadonlySet<string> = new Set(['ReviewClosed', 'ShortlistEntryDropped', 'AwardsDecided']);

export async function replaceReviewOutcome(manager: EntityManager, selection: Selection): Promise<void> {
  for (const table of ['rm_scoreboard', 'rm_shortlist_entries', 'rm_awards']) {
    await manager.query(`DELETE FROM ${table} WHERE selection_id = $1`, [selection.selectionId]);
  }
  if (selection.shortlist === null && selection.awards.length === 0 && selection.notAwarded.length === 0) return;
  const dossiers = await dossiersOf(manager, selection.selectionId);
  const dossier = (dossierId: string): Dossier | undefined => dossiers.get(dossierId);
  await writeScoreboard(manager, selection, dossier);
  await writeShortlist(manager, selection, dossier);
  await writeAwards(manager, selection, dossier);
}

async function dossiersOf(manager: EntityManager, selectionId: string): Promise<Map<string, Dossier>> {
  const rows: { state: Dossier }[] = await manager.query('SELECT state FROM rm_dossiers WHERE selection_id = $1', [selectionId]);
  return new Map(rows.map(({ state }) => [state.dossierId, state]));
}

const SCOREBOARD_COLUMNS = [
  ['selection_id', 'text'], ['dossier_id', 'text'], ['position', 'integer'], ['title', 'text'], ['tier', 'text'],
  ['score_count', 'integer'], ['aggregate', 'double precision'], ['mean', 'double precision'], ['median', 'double precision'],
  ['minimum', 'double precision'], ['maximum', 'double precision'], ['spread', 'double precision'], ['disagreement', 'boolean'],
  ['totals', 'jsonb'],
] as const;

const SHORTLIST_COLUMNS = [
  ['selection_id', 'text'], ['dossier_id', 'text'], ['tier', 'text'], ['tier_position', 'integer'], ['standing', 'text'],
  ['rank', 'integer'], ['aggregate', 'double precision'], ['median', 'double precision'], ['minimum', 'double precision'],
  ['title', 'text'], ['applicant_credit_code', 'text'],
] as const;

const AWARD_COLUMNS = [
  ['selection_id', 'text'], ['dossier_id', 'text'], ['position', 'integer'], ['year', 'integer'], ['programme', 'text'],
  ['applicant_credit_code', 'text'], ['title', 'text'], ['awarded', 'boolean'], ['tier', 'text'], ['rank', 'integer'],
  ['project_key', 'text'], ['kind', 'text'], ['approved_investment_fen', 'bigint'], ['standard_fen', 'bigint'],
  ['paid_fen', 'bigint'], ['decision', 'text'], ['reason', 'text'],
] as const;

async function writeScoreboard(manager: EntityManager, selection: Selection, dossier: (id: string) => Dossier | undefined): Promise<void> {
  const rows: unknown[][] = [];
  for (const [position, line] of selection.aggregates.entries()) {
    const reviewed = dossier(line.dossierId);
    // The totals of the stage the aggregates are of (the last stage; the online review for one-stage calls).
    const totals = (reviewed ? scoresInStage(reviewed, selection.stage ?? 1) : []).map((score) => ({ expertId: score.expertId, total: score.total }));
    rows.push([
      selection.selectionId,
      line.dossierId,
      position,
      reviewed?.title ?? '',
      reviewed?.tier ?? '',
      line.count,
      line.aggregate,
      line.mean,
      line.median,
      line.minimum,
      line.maximum,
      line.spread,
      line.disagreement,
      JSON.stringify(totals),
    ]);
  }
  await insertRows(manager, 'rm_scoreboard', SCOREBOARD_COLUMNS, rows);
}

async function writeShortlist(manager: EntityManager, selection: Selection, dossier: (id: string) => Dossier | undefined): Promise<void> {
  if (selection.shortlist === null) return;
  const aggregates = new Map(selection.aggregates.map((line) => [line.dossierId, line]));
  const rows: unknown[][] = [];
  const insert = (entry: { dossierId: string; tier: string; tierPosition: number; standing: string; ranked: RankedEntry | null }) => {
    const listed = dossier(entry.dossierId);
    const aggregate = entry.ranked ?? aggregates.get(entry.dossierId);
    rows.push([
      selection.selectionId,
      entry.dossierId,
      entry.tier,
      entry.tierPosition,
      entry.standing,
      entry.ranked?.rank ?? null,
      aggregate?.aggregate ?? null,
      aggregate?.median ?? null,
      aggregate?.minimum ?? null,
      listed?.title ?? '',
      listed?.applicantCreditCode ?? '',
    ]);
  };
  for (const tier of selection.shortlist.tiers) {
    let tierPosition = 0;
    for (const ranked of tier.selected) insert({ dossierId: ranked.dossierId, tier: tier.tier, tierPosition: tierPosition++, standing: 'selected', ranked });
    for (const ranked of tier.reserves) insert({ dossierId: ranked.dossierId, tier: tier.tier, tierPosition: tierPosition++, standing: 'reserve', ranked });
  }
  for (const [position, dossierId] of selection.shortlist.belowThreshold.entries()) {
    insert({ dossierId, tier: dossier(dossierId)?.tier ?? '', tierPosition: position, standing: 'below-threshold', ranked: null });
  }
  await insertRows(manager, 'rm_shortlist_entries', SHORTLIST_COLUMNS, rows);
}

async function writeAwards(manager: EntityManager, selection: Selection, dossier: (id: string) => Dossier | undefined): Promise<void> {
  const rows: unknown[][] = [];
  const insert = (values: unknown[]) => rows.push(values);
  let position = 0;
  const base = (dossierId: string) => {
    const listed = dossier(dossierId);
    return [selection.selectionId, dossierId, position++, selection.year, selection.programme, listed?.applicantCreditCode ?? '', listed?.title ?? ''];
  };
  for (const line of selection.awards) {
    const money = line.award.kind === 'money' ? line.award : null;
    insert([
      ...base(line.dossierId),
      true,
      line.tier,
      line.rank,
      line.projectKey,
      line.award.kind,
      money === null ? null : String(money.approvedInvestmentFen),
      money === null ? null : String(money.standardFen),
      money === null ? null : String(money.paidFen),
      money?.decision ?? null,
      money?.reason ?? null,
    ]);
  }
  for (const line of selection.notAwarded) {
    insert([...base(line.dossierId), false, null, null, null, null, null, null, null, null, line.reason]);
  }
  await insertRows(manager, 'rm_awards', AWARD_COLUMNS, rows);
}
