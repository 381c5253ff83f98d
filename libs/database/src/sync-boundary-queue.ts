import type { PGlite } from '@electric-sql/pglite';

/** The first byte of the frontend messages that end a unit of work in the PostgreSQL wire protocol. */
const SYNC = 0x53; // 'S': ends an extended-protocol sequence (Parse, Bind, Describe, Execute, ...)
const QUERY = 0x51; // 'Q': a simple query, complete in itself
const TERMINATE = 0x58; // 'X'
const FLUSH = 0x48; // 'H'
const STARTUP = 0x00; // startup and SSL requests begin with a length whose high byte is zero

interface Batch {
  readonly handlerId: number;
  readonly messages: Uint8Array[];
  readonly onData: (data: Uint8Array) => void;
  readonly resolve: (bytes: number) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Schedules the messages of many socket connections onto PGlite's single session.
 *
 * The socket server's own queue runs each message as it arrives, so with two busy connections
 * connection B's unnamed Parse can land between connection A's Parse and Bind, and A's statement is
 * gone ("unnamed prepared statement does not exist"), or worse, A runs B's statement. Here a
 * connection's messages are held until the message that ends its unit (Sync, Query, Terminate,
 * Flush, or a startup packet), then run together; while a transaction is open only the connection
 * that opened it is served. It implements the queue interface PGLiteSocketHandler expects.
 */
export class SyncBoundaryQueue {
  private readonly partial = new Map<number, Uint8Array[]>();
  private readonly ready: Batch[] = [];
  private transactionOwner: number | null = null;
  private running = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    const pending = this.partial.get(handlerId) ?? [];
    pending.push(message);
    if (!endsUnit(message)) {
      this.partial.set(handlerId, pending);
      return Promise.resolve(0);
    }
    this.partial.delete(handlerId);
    return new Promise((resolve, reject) => {
      this.ready.push({ handlerId, messages: pending, onData, resolve, reject });
      void this.drain();
    });
  }

  getQueueLength(): number {
    return this.ready.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.partial.delete(handlerId);
    for (let index = this.ready.length - 1; index >= 0; index -= 1) {
      if (this.ready[index].handlerId === handlerId) {
        this.ready[index].reject(new Error('connection closed'));
        this.ready.splice(index, 1);
      }
    }
  }

  /** A connection that leaves inside a transaction must not leave the shared session in it. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.transactionOwner !== handlerId) return;
    // exec takes PGlite's query lock itself: wrapping it in runExclusive would wait for itself.
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.transactionOwner = null;
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index = this.transactionOwner === null ? 0 : this.ready.findIndex((batch) => batch.handlerId === this.transactionOwner);
        if (index < 0 || index >= this.ready.length) return;
        const [batch] = this.ready.splice(index, 1);
        await this.run(batch);
      }
    } finally {
      this.running = false;
    }
  }

  private async run(batch: Batch): Promise<void> {
    let bytes = 0;
    try {
      await this.db.runExclusive(async () => {
        for (const message of batch.messages) {
          await this.db.execProtocolRawStream(message, {
            onRawData: (data) => {
              bytes += data.length;
              batch.onData(data);
            },
          });
        }
      });
      this.transactionOwner = this.db.isInTransaction() ? batch.handlerId : null;
      batch.resolve(bytes);
    } catch (error) {
      batch.reject(error);
    }
  }
}

function endsUnit(message: Uint8Array): boolean {
  const type = message[0];
  return type === SYNC || type === QUERY || type === TERMINATE || type === FLUSH || type === STARTUP;
}
