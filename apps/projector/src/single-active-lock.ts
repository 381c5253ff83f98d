import { Client } from 'pg';

/** The advisory lock key of the projector: "rm-proj" in ASCII, so it collides with nothing of ours. */
const PROJECTOR_LOCK_KEY = 0x726d2d70726f6an;

export interface HeldLock {
  /** Rejects when the lock's connection is lost: the lock is gone with it, so the holder must stop. */
  readonly lost: Promise<never>;
  release(): Promise<void>;
}

/**
 * Waits until this process holds the projector's session advisory lock on the PostgreSQL server, on a
 * connection of its own that stays open while it runs: one active projector, the others stand by.
 */
export async function acquireProjectorLock(url: string, log: (line: string) => void, retryMs = 5000, signal?: AbortSignal): Promise<HeldLock> {
  const client = new Client({ connectionString: url, application_name: 'projector-lock' });
  await client.connect();
  let waiting = false;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [PROJECTOR_LOCK_KEY.toString()]);
    if (rows[0].locked) break;
    if (signal?.aborted) {
      await client.end();
      throw new Error('stopped while waiting for the projector lock');
    }
    if (!waiting) log('projector: another projector holds the lock; standing by');
    waiting = true;
    await new Promise((resolve) => setTimeout(resolve, retryMs));
  }
  const lost = new Promise<never>((_, reject) => {
    client.on('error', (error) => reject(error));
    client.on('end', () => reject(new Error('the projector lock connection closed')));
  });
  lost.catch(() => undefined);
  return {
    lost,
    release: async () => {
      client.removeAllListeners('end');
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [PROJECTOR_LOCK_KEY.toString()]).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}
