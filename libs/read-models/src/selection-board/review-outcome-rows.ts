import type { EntityManager } from 'typeorm';
import type { Dossier } from '@app/domain/dossier';
import type { RankedEntry } from '@app/domain/ranking';
import type { Selection } from '@app/domain/selection';

/**
 * What a selection decided after review — the scoreboard, the ranked shortlist, the awards — as rows,
 * replaced whole for the selection each time its stream moves (these change only on selection events;
 * the dossiers they name are read from rm_dossiers, already up to date within the batch).
 */
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

async function writeScoreboard(manager: EntityManager, selection: Selection, dossier: (id: string) => Dossier | undefined): Promise<void> {
  for (const [position, line] of selection.aggregates.entries()) {
    const reviewed = dossier(line.dossierId);
    const totals = (reviewed?.scores ?? []).map((score) => ({ expertId: score.expertId, total: score.total }));
    await manager.query(
      `INSERT INTO rm_scoreboard (selection_id, dossier_id, position, title, tier, score_count, aggregate, mean, median, minimum, maximum,
         spread, disagreement, totals)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
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
      ],
    );
  }
}

async function writeShortlist(manager: EntityManager, selection: Selection, dossier: (id: string) => Dossier | undefined): Promise<void> {
  if (selection.shortlist === null) return;
  const aggregates = new Map(selection.aggregates.map((line) => [line.dossierId, line]));
  const insert = async (entry: { dossierId: string; tier: string; tierPosition: number; standing: string; ranked: RankedEntry | null }) => {
    const listed = dossier(entry.dossierId);
    const aggregate = entry.ranked ?? aggregates.get(entry.dossierId);
    await manager.query(
      `INSERT INTO rm_shortlist_entries (selection_id, dossier_id, tier, tier_position, standing, rank, aggregate, median, minimum, title, applicant_credit_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
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
      ],
    );
  };
  for (const tier of selection.shortlist.tiers) {
    let tierPosition = 0;
    for (const ranked of tier.selected) await insert({ dossierId: ranked.dossierId, tier: tier.tier, tierPosition: tierPosition++, standing: 'selected', ranked });
    for (const ranked of tier.reserves) await insert({ dossierId: ranked.dossierId, tier: tier.tier, tierPosition: tierPosition++, standing: 'reserve', ranked });
  }
  for (const [position, dossierId] of selection.shortlist.belowThreshold.entries()) {
    await insert({ dossierId, tier: dossier(dossierId)?.tier ?? '', tierPosition: position, standing: 'below-threshold', ranked: null });
  }
}

async function writeAwards(manager: EntityManager, selection: Selection, dossier: (id: string) => Dossier | undefined): Promise<void> {
  const insert = (values: unknown[]) =>
    manager.query(
      `INSERT INTO rm_awards (selection_id, dossier_id, position, year, programme, applicant_credit_code, title, awarded, tier, rank, project_key, kind,
         approved_investment_fen, standard_fen, paid_fen, decision, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      values,
    );
  let position = 0;
  const base = (dossierId: string) => {
    const listed = dossier(dossierId);
    return [selection.selectionId, dossierId, position++, selection.year, selection.programme, listed?.applicantCreditCode ?? '', listed?.title ?? ''];
  };
  for (const line of selection.awards) {
    const money = line.award.kind === 'money' ? line.award : null;
    await insert([
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
    await insert([...base(line.dossierId), false, null, null, null, null, null, null, null, null, line.reason]);
  }
}
