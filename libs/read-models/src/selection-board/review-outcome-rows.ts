import type { EntityManager } from 'typeorm';
import type { Selection } from '@app/domain/selection';
import type { Column } from './insert-rows';

/**
 * What a selection decided after review — the scoreboard, the ranked shortlist, the awards — as rows,
 * replaced whole for the selection when an event that decides them is projected (OUTCOME_EVENTS).
 * One `INSERT … SELECT FROM unnest(…) LEFT JOIN rm_dossiers` per table: the selection's own figures
 * travel as arrays, and what the rows show of each dossier (title, tier, organisation, the stage's
 * totals) is joined on the server from rm_dossiers, already up to date within the batch — the app
 * never reads the selection's dossier states (6,400 folded dossiers at N = 6,400) to write them.
 */
export const OUTCOME_EVENTS: ReadonlySet<string> = new Set(['ReviewClosed', 'ShortlistEntryDropped', 'AwardsDecided']);

export async function replaceReviewOutcome(manager: EntityManager, selection: Selection): Promise<void> {
  for (const table of ['rm_scoreboard', 'rm_shortlist_entries', 'rm_awards']) {
    await manager.query(`DELETE FROM ${table} WHERE selection_id = $1`, [selection.selectionId]);
  }
  if (selection.shortlist === null && selection.awards.length === 0 && selection.notAwarded.length === 0) return;
  await writeScoreboard(manager, selection);
  await writeShortlist(manager, selection);
  await writeAwards(manager, selection);
}

/**
 * `INSERT INTO table (…) SELECT … FROM unnest(…) AS row(…) LEFT JOIN rm_dossiers d ON d.id = row.dossier_id`:
 * `given` columns come from the app as typed arrays (`$1 …`), `joined` ones are SQL over `row` and `d`.
 */
async function insertJoined(
  manager: EntityManager,
  table: string,
  given: readonly Column[],
  joined: readonly (readonly [name: string, sql: string])[],
  rows: readonly unknown[][],
  extraParameters: readonly unknown[] = [],
): Promise<void> {
  if (rows.length === 0) return;
  const givenNames = given.map(([name]) => name);
  const arrays = given.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
  await manager.query(
    `INSERT INTO ${table} (${[...givenNames, ...joined.map(([name]) => name)].join(', ')})
     SELECT ${[...givenNames.map((name) => `row.${name}`), ...joined.map(([, sql]) => sql)].join(', ')}
       FROM unnest(${arrays}) AS row (${givenNames.join(', ')})
       LEFT JOIN rm_dossiers d ON d.id = row.dossier_id`,
    [...given.map((_, index) => rows.map((row) => row[index])), ...extraParameters],
  );
}

const SCOREBOARD_GIVEN = [
  ['selection_id', 'text'], ['dossier_id', 'text'], ['position', 'integer'],
  ['score_count', 'integer'], ['aggregate', 'double precision'], ['mean', 'double precision'], ['median', 'double precision'],
  ['minimum', 'double precision'], ['maximum', 'double precision'], ['spread', 'double precision'], ['disagreement', 'boolean'],
] as const;

/**
 * The totals of the stage the aggregates are of (the last stage; the online review for one-stage calls),
 * in the dossier's order, as `{ expertId, total }` — scoresInStage of the folded dossier, in SQL.
 */
const stageTotals = (stage: string) => `COALESCE((
    SELECT jsonb_agg(jsonb_build_object('expertId', score -> 'expertId', 'total', score -> 'total') ORDER BY place)
      FROM jsonb_array_elements(CASE WHEN ${stage} = 1 THEN d.state -> 'scores' ELSE (
        SELECT review -> 'scores' FROM jsonb_array_elements(COALESCE(d.state -> 'laterStages', '[]'::jsonb)) WITH ORDINALITY AS stages (review, at)
         WHERE (review ->> 'stage')::int = ${stage} ORDER BY at LIMIT 1) END) WITH ORDINALITY AS scores (score, place)
  ), '[]'::jsonb)`;

async function writeScoreboard(manager: EntityManager, selection: Selection): Promise<void> {
  const rows = selection.aggregates.map((line, position) => [
    selection.selectionId,
    line.dossierId,
    position,
    line.count,
    line.aggregate,
    line.mean,
    line.median,
    line.minimum,
    line.maximum,
    line.spread,
    line.disagreement,
  ]);
  const joined = [['title', `COALESCE(d.title, '')`], ['tier', `COALESCE(d.tier, '')`], ['totals', stageTotals(`$${SCOREBOARD_GIVEN.length + 1}::int`)]] as const;
  await insertJoined(manager, 'rm_scoreboard', SCOREBOARD_GIVEN, joined, rows, [selection.stage ?? 1]);
}

const SHORTLIST_GIVEN = [
  ['selection_id', 'text'], ['dossier_id', 'text'], ['given_tier', 'text'], ['tier_position', 'integer'], ['standing', 'text'],
  ['rank', 'integer'], ['aggregate', 'double precision'], ['median', 'double precision'], ['minimum', 'double precision'],
] as const;

async function writeShortlist(manager: EntityManager, selection: Selection): Promise<void> {
  if (selection.shortlist === null) return;
  const aggregates = new Map(selection.aggregates.map((line) => [line.dossierId, line]));
  const rows: unknown[][] = [];
  const figures = (ranked: { aggregate: number; median: number; minimum: number } | undefined) => [ranked?.aggregate ?? null, ranked?.median ?? null, ranked?.minimum ?? null];
  for (const tier of selection.shortlist.tiers) {
    let tierPosition = 0;
    for (const ranked of tier.selected) rows.push([selection.selectionId, ranked.dossierId, tier.tier, tierPosition++, 'selected', ranked.rank, ...figures(ranked)]);
    for (const ranked of tier.reserves) rows.push([selection.selectionId, ranked.dossierId, tier.tier, tierPosition++, 'reserve', ranked.rank, ...figures(ranked)]);
  }
  // Below the threshold a dossier has no shortlist tier of its own: its row shows the dossier's.
  for (const [position, dossierId] of selection.shortlist.belowThreshold.entries()) {
    rows.push([selection.selectionId, dossierId, null, position, 'below-threshold', null, ...figures(aggregates.get(dossierId))]);
  }
  const given = SHORTLIST_GIVEN.filter(([name]) => name !== 'given_tier');
  const columns = [...given.map(([name]) => name), 'tier', 'title', 'applicant_credit_code'];
  const arrays = SHORTLIST_GIVEN.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
  await manager.query(
    `INSERT INTO rm_shortlist_entries (${columns.join(', ')})
     SELECT ${given.map(([name]) => `row.${name}`).join(', ')}, COALESCE(row.given_tier, d.tier, ''), COALESCE(d.title, ''), COALESCE(d.applicant_credit_code, '')
       FROM unnest(${arrays}) AS row (${SHORTLIST_GIVEN.map(([name]) => name).join(', ')})
       LEFT JOIN rm_dossiers d ON d.id = row.dossier_id`,
    SHORTLIST_GIVEN.map((_, index) => rows.map((row) => row[index])),
  );
}

const AWARD_GIVEN = [
  ['selection_id', 'text'], ['dossier_id', 'text'], ['position', 'integer'], ['year', 'integer'], ['programme', 'text'],
  ['awarded', 'boolean'], ['tier', 'text'], ['rank', 'integer'],
  ['project_key', 'text'], ['kind', 'text'], ['approved_investment_fen', 'bigint'], ['standard_fen', 'bigint'],
  ['paid_fen', 'bigint'], ['decision', 'text'], ['reason', 'text'],
] as const;

async function writeAwards(manager: EntityManager, selection: Selection): Promise<void> {
  const rows: unknown[][] = [];
  let position = 0;
  const base = (dossierId: string) => [selection.selectionId, dossierId, position++, selection.year, selection.programme];
  for (const line of selection.awards) {
    const money = line.award.kind === 'money' ? line.award : null;
    rows.push([
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
  for (const line of selection.notAwarded) rows.push([...base(line.dossierId), false, null, null, null, null, null, null, null, null, line.reason]);
  const joined = [['applicant_credit_code', `COALESCE(d.applicant_credit_code, '')`], ['title', `COALESCE(d.title, '')`]] as const;
  await insertJoined(manager, 'rm_awards', AWARD_GIVEN, joined, rows);
}
