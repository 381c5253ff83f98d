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

/** The checkpoints of these projections in one statement, locked in name order when `lock` (a batch's transaction). */
export async function loadCheckpoints(db: Queryable, names: readonly string[], lock = false): Promise<Map<string, ProjectionCheckpoint>> {
  const rows: CheckpointRow[] = await db.query(
    `SELECT name, version, commit_position::text, prepare_position::text FROM projection_checkpoints
      WHERE name = ANY ($1::text[]) ORDER BY name${lock ? ' FOR UPDATE' : ''}`,
    [names],
  );
  return new Map(rows.map((row) => [row.name, checkpointOf(row)]));
}

/** Several checkpoints written in one statement (the end of a batch moves every projection at once). */
export async function saveCheckpoints(db: Queryable, checkpoints: readonly ProjectionCheckpoint[]): Promise<void> {
  if (checkpoints.length === 0) return;
  await db.query(
    `INSERT INTO projection_checkpoints (name, version, commit_position, prepare_position, updated_at)
     SELECT name, version, commit_position, prepare_position, now()
       FROM unnest($1::text[], $2::int[], $3::bigint[], $4::bigint[]) AS moved (name, version, commit_position, prepare_position)
     ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, commit_position = EXCLUDED.commit_position,
       prepare_position = EXCLUDED.prepare_position, updated_at = now()`,
    [
      checkpoints.map((checkpoint) => checkpoint.name),
      checkpoints.map((checkpoint) => checkpoint.version),
      checkpoints.map((checkpoint) => checkpoint.position?.commit.toString() ?? null),
      checkpoints.map((checkpoint) => checkpoint.position?.prepare.toString() ?? null),
    ],
  );
}

/**
 * Moves the checkpoints of these projections from `from` to `to` in one statement, those still at
 * `from` under the same version (a runner's next batch: nobody else moved them since it committed);
 * returns the names it moved. The named rows are locked in name order, as loadCheckpoints locks them.
 */
export async function advanceCheckpoints(
  db: Queryable,
  projections: readonly { readonly name: string; readonly version: number }[],
  from: GlobalPosition,
  to: GlobalPosition,
): Promise<Set<string>> {
  const names = projections.map((projection) => projection.name);
  const rows: { name: string }[] = await db.query(
    `WITH locked AS (
       SELECT name FROM projection_checkpoints WHERE name = ANY ($1::text[]) ORDER BY name FOR UPDATE
     ), moved AS (
       UPDATE projection_checkpoints AS checkpoint
          SET commit_position = $3::bigint, prepare_position = $4::bigint, updated_at = now()
         FROM unnest($1::text[], $2::int[]) AS projection (name, version)
        WHERE checkpoint.name = projection.name AND checkpoint.name IN (SELECT name FROM locked)
          AND checkpoint.version = projection.version
          AND checkpoint.commit_position = $5::bigint AND checkpoint.prepare_position = $6::bigint
       RETURNING checkpoint.name
     )
     SELECT name FROM moved`,
    [names, projections.map((projection) => projection.version), to.commit.toString(), to.prepare.toString(), from.commit.toString(), from.prepare.toString()],
  );
  return new Set(rows.map((row) => row.name));
}
