import { createServer, Server, Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import { SyncBoundaryQueue } from './sync-boundary-queue';

/**
 * PGlite on a loopback TCP port for `pg` and TypeORM: the protocol handling of pglite-socket's
 * PGLiteSocketHandler, with our SyncBoundaryQueue deciding what runs when (see there for why).
 */
export class EmbeddedSocketServer {
  private server: Server | null = null;
  private readonly handlers = new Set<PGLiteSocketHandler>();
  private readonly queue: SyncBoundaryQueue;
  private port = 0;

  constructor(
    db: PGlite,
    private readonly maxConnections: number,
  ) {
    this.queue = new SyncBoundaryQueue(db);
  }

  async start(): Promise<string> {
    const server = createServer((socket) => void this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    return `127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.handlers].map((handler) => handler.detach(true)));
    this.handlers.clear();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async accept(socket: Socket): Promise<void> {
    if (this.handlers.size >= this.maxConnections) {
      socket.end(`too many connections to the embedded database (at most ${this.maxConnections})\n`);
      return;
    }
    const handler = new PGLiteSocketHandler({
      // The handler only calls enqueue, clearQueueForHandler and clearTransactionIfNeeded.
      queryQueue: this.queue as unknown as ConstructorParameters<typeof PGLiteSocketHandler>[0]['queryQueue'],
      closeOnDetach: true,
    });
    this.handlers.add(handler);
    const forget = () => this.handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    try {
      await handler.attach(socket);
    } catch {
      forget();
      socket.destroy();
    }
  }
}
