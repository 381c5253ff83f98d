// A small but varied history for the projection tests: two calls and a dozen dossiers in every state
// up to scoring, written stream by stream in an interleaved order, as a busy API would.
import type { DataSource } from 'typeorm';
import type { EventStore, NewEvent } from '@app/event-store';
import { REQUIRED_KINDS, assigned, attached, drafted, passed, returned, scored, submitted } from '@app/domain/dossier/dossier.test-support';
import type { DossierEvent } from '@app/domain/dossier';
import { closeSubmissions, openCall, play, calendarYears } from '@app/domain/selection/selection.test-support';
import { createWorld } from '@app/domain/selection/full-year.test-support';
import { seedRules } from '@app/domain/programmes/programmes.test-support';

function dossierHistory(n: number, selectionId: string): DossierEvent[] {
  const start = [drafted({ dossierId: `d-${n}`, selectionId, title: `示范场景 ${n}` }), ...REQUIRED_KINDS.map((kind, i) => attached(kind, i + 1))];
  switch (n % 4) {
    case 0:
      return start;
    case 1:
      return [...start, submitted(), returned];
    case 2:
      return [...start, submitted(), passed(1_000_000 * n), assigned('e-1'), assigned('e-2'), scored('e-1')];
    default:
      return [...start, submitted(), passed(null), assigned('e-2'), assigned('e-3'), scored('e-2'), scored('e-3')];
  }
}

/** Stream id and its events, in the order they are to be appended: the small mix, then a published year. */
export function sampleHistory(): [string, NewEvent[]][] {
  return [...inFlightHistory(), ...publishedYearHistory()];
}

function inFlightHistory(): [string, NewEvent[]][] {
  const demo = play([openCall(), closeSubmissions]);
  const dataset = play([openCall({}, 'dataset')]);
  const selectionIdOf = (events: NewEvent[]) => (events[0].data as { selectionId: string }).selectionId;
  const appends: [string, NewEvent[]][] = [
    [`selection-${selectionIdOf(demo)}`, demo.slice(0, 1)],
    [`selection-${selectionIdOf(dataset)}`, dataset],
  ];
  const dossiers = Array.from({ length: 12 }, (_, i) => i + 1).map((n) => ({
    streamId: `dossier-d-${n}`,
    events: dossierHistory(n, n <= 8 ? selectionIdOf(demo) : selectionIdOf(dataset)),
  }));
  // Round robin, two events at a time, so batches cut across streams.
  for (let step = 0; dossiers.some((dossier) => dossier.events.length > step); step += 2) {
    for (const dossier of dossiers) {
      const events = dossier.events.slice(step, step + 2);
      if (events.length > 0) appends.push([dossier.streamId, events]);
    }
  }
  appends.push([`selection-${selectionIdOf(demo)}`, demo.slice(1)]);
  return appends;
}

const YUAN = 100;

/**
 * A 十大示范场景 year run to publication by the domain's deciders (see full-year.test-support): eight
 * scenarios, a recusal and replacement, a rejection, an upheld objection with 递补, a dismissed one,
 * and money awards; the appends in the order they happened.
 */
export function publishedYearHistory(): [string, NewEvent[]][] {
  const world = createWorld(calendarYears);
  world.registerExperts(
    Array.from({ length: 8 }, (_, i) => ({ expertId: `e${i + 1}`, organisation: 901 + i, fields: ['AI+离散型制造', 'AI+农业'] })),
  );
  const rules = seedRules('demo-scenario');
  const applicant = (n: number, target: number, extra: { path?: 'rejected' } = {}) => {
    const title = `场景${n}`;
    return {
      key: `s${n}`,
      organisation: 800 + n,
      tier: 'scenario',
      target,
      title,
      fields: Object.fromEntries(rules.fields.map((field) => [field.code, field.code === rules.expertiseField ? 'AI+离散型制造' : `${title}的${field.name}`])),
      declaredFen: 3_000_000 * YUAN,
      approvedFen: 2_500_000 * YUAN,
      ...extra,
    };
  };
  world.runSelection({
    programme: 'demo-scenario',
    batch: 2, // the in-flight mix already has the first batch
    quotas: { scenario: 4 },
    applicants: [...Array.from({ length: 7 }, (_, i) => applicant(i + 1, 90 - i * 3)), applicant(8, 95, { path: 'rejected' })],
    upheld: 's2',
    dismissed: 's3',
    recusal: { key: 's1' },
  });
  return world.appends().map(({ stream, events }) => [stream, events as NewEvent[]]);
}

export async function appendHistory(store: EventStore, appends: [string, NewEvent[]][] = sampleHistory()): Promise<number> {
  let count = 0;
  for (const [streamId, events] of appends) {
    await store.append(streamId, events);
    count += events.length;
  }
  return count;
}

/** Every read-model row, in a stable order, for comparing two builds. */
export async function snapshotReadModels(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  return {
    rm_selections: await dataSource.query('SELECT * FROM rm_selections ORDER BY id'),
    rm_dossiers: await dataSource.query('SELECT * FROM rm_dossiers ORDER BY id'),
    rm_expert_assignments: await dataSource.query('SELECT * FROM rm_expert_assignments ORDER BY dossier_id, expert_id'),
    rm_objections: await dataSource.query('SELECT * FROM rm_objections ORDER BY objection_id'),
    rm_scoreboard: await dataSource.query('SELECT * FROM rm_scoreboard ORDER BY selection_id, dossier_id'),
    rm_shortlist_entries: await dataSource.query('SELECT * FROM rm_shortlist_entries ORDER BY selection_id, dossier_id'),
    rm_awards: await dataSource.query('SELECT * FROM rm_awards ORDER BY selection_id, dossier_id'),
    rm_experts: await dataSource.query('SELECT * FROM rm_experts ORDER BY id'),
  };
}
