import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { EmbeddedSocketServer } from './embedded-socket-server';

export interface EmbeddedPostgres {
  /** A connection string for `pg` and TypeORM, on 127.0.0.1 and a port chosen by the system. */
  readonly url: string;
  readonly db: PGlite;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** A folder to keep the data in, or undefined for an in-memory database (tests). */
  readonly dataDir?: string;
  /** Every pool in the process must fit under this; a connection beyond it is refused. */
  readonly maxConnections?: number;
  /** An already open PGlite (e.g. a clone of a migrated template). */
  readonly db?: PGlite;
}

/**
 * Postgres settings for the embedded database, whose memory is this process's: with PGlite's defaults
 * (128 MB of shared buffers) its WebAssembly memory grows to ~190 MiB and is never given back; with
 * 32 MB it stays at its initial 128 MiB, and pages still come from the OS's cache of the files on
 * disk. Given as `-c` start parameters, so no configuration file in the data folder is rewritten.
 */
export const EMBEDDED_POSTGRES_SETTINGS: readonly string[] = ['shared_buffers=32MB', 'temp_buffers=4MB', 'maintenance_work_mem=16MB'];

const startParams = (): string[] => [...PGlite.defaultStartParams, ...EMBEDDED_POSTGRES_SETTINGS.flatMap((setting) => ['-c', setting])];

/**
 * Real PostgreSQL (PGlite, compiled to WASM) in this process, served over a loopback socket so the
 * ordinary `pg` driver and TypeORM work unchanged. All its connections share one PostgreSQL session.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = options.db ?? (await PGlite.create(options.dataDir ?? 'memory://', { startParams: startParams() }));
  const server = new EmbeddedSocketServer(db, options.maxConnections ?? 32);
  const address = await server.start();
  return {
    url: `postgresql://postgres@${address}/postgres`,
    db,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
