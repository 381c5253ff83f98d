import { Pool } from 'pg';
import { GlobalPosition } from '../global-position';
import { CheckpointStore } from '../subscription/checkpoint-store';

/** Subscription checkpoints kept in the event store's own database. */
export class PostgresCheckpointStore implements CheckpointStore {
  constructor(private readonly pool: Pool) {}

  async load(subscriptionId: string): Promise<GlobalPosition | null> {
    const { rows } = await this.pool.query(
      `SELECT commit_position, prepare_position FROM es_subscription_checkpoints WHERE subscription_id = $1`,
      [subscriptionId],
    );
    return rows.length === 0 ? null : { commit: BigInt(rows[0].commit_position), prepare: BigInt(rows[0].prepare_position) };
  }

  async save(subscriptionId: string, position: GlobalPosition): Promise<void> {
    await this.pool.query(
      `INSERT INTO es_subscription_checkpoints (subscription_id, commit_position, prepare_position)
       VALUES ($1, $2, $3)
       ON CONFLICT (subscription_id) DO UPDATE
         SET commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position, updated_at = now()`,
      [subscriptionId, position.commit.toString(), position.prepare.toString()],
    );
  }
}
