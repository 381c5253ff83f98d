import type { EntityManager } from 'typeorm';
import type { GlobalPosition } from '@app/event-store';

export interface ProjectionCheckpoint {
  readonly name: string;
  readonly version: number;
  /** Null: nothing handled yet (a fresh or reset projection). */
  readonly position: GlobalPosition | null;
}

interface CheckpointRow {
  name: string;
  version: number;
  commit_position: string | null;
  prepare_position: string | null;
}

type Queryable = Pick<EntityManager, 'query'>;

function checkpointOf(row: CheckpointRow): ProjectionCheckpoint {
  return {
    name: row.name,
    version: Number(row.version),
    position:
      row.commit_position === null || row.prepare_position === null
        ? null
        : { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
  };
}

export async function loadCheckpoint(db: Queryable, name: string, lock = false): Promise<ProjectionCheckpoint | null> {
  const rows: CheckpointRow[] = await db.query(
    `SELECT name, version, commit_position::text, prepare_position::text FROM projection_checkpoints WHERE name = $1${lock ? ' FOR UPDATE' : ''}`,
    [name],
  );
  return rows.length === 0 ? null : checkpointOf(rows[0]);
}

export async function saveCheckpoint(db: Queryable, checkpoint: ProjectionCheckpoint): Promise<void> {
  await db.query(
    `INSERT INTO projection_checkpoints (name, version, commit_position, prepare_position, updated_at)
     VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, commit_position = EXCLUDED.commit_position,
       prepare_position = EXCLUDED.prepare_position, updated_at = now()`,
    [
      checkpoint.name,
      checkpoint.version,
      checkpoint.position?.commit.toString() ?? null,
      checkpoint.position?.prepare.toString() ?? null,
    ],
  );
}
