import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** A connection string for `pg` and TypeORM, on 127.0.0.1 and a port chosen by the system. */
  readonly url: string;
  readonly db: PGlite;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** A folder to keep the data in, or undefined for an in-memory database (tests). */
  readonly dataDir?: string;
  /**
   * PGlite's socket server accepts one connection unless told otherwise, and a pool of more then
   * fails with ECONNRESET; every pool in the process must fit under this.
   */
  readonly maxConnections?: number;
  /** An already open PGlite (e.g. a clone of a migrated template). */
  readonly db?: PGlite;
}

/**
 * Real PostgreSQL (PGlite, compiled to WASM) in this process, served over a loopback socket so the
 * ordinary `pg` driver and TypeORM work unchanged. All its connections share one PostgreSQL session.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = options.db ?? (await PGlite.create(options.dataDir ?? 'memory://'));
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: 0,
    maxConnections: options.maxConnections ?? 32,
  });
  await server.start();
  return {
    url: `postgresql://postgres@${server.getServerConn()}/postgres`,
    db,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
