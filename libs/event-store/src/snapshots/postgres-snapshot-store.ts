import type { Pool } from 'pg';
import type { Snapshot, SnapshotKey, SnapshotStore } from './snapshot-store.port';

/** Snapshots in es_snapshots (see its migration), on PGlite and the server alike. */
export class PostgresSnapshotStore implements SnapshotStore {
  constructor(private readonly pool: Pool) {}

  async load<State>({ streamId, fold, version }: SnapshotKey): Promise<Snapshot<State> | null> {
    const { rows } = await this.pool.query<{ revision: string; state: State }>(
      'SELECT revision, state FROM es_snapshots WHERE stream_id = $1 AND fold = $2 AND fold_version = $3',
      [streamId, fold, version],
    );
    return rows.length === 0 ? null : { revision: BigInt(rows[0].revision), state: rows[0].state };
  }

  async save<State>({ streamId, fold, version }: SnapshotKey, { revision, state }: Snapshot<State>): Promise<void> {
    await this.pool.query(
      `INSERT INTO es_snapshots (stream_id, fold, fold_version, revision, state) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (stream_id, fold) DO UPDATE
         SET fold_version = EXCLUDED.fold_version, revision = EXCLUDED.revision, state = EXCLUDED.state, saved_at = now()
         WHERE es_snapshots.fold_version <> EXCLUDED.fold_version OR es_snapshots.revision < EXCLUDED.revision`,
      [streamId, fold, version, revision.toString(), JSON.stringify(state)],
    );
  }
}
