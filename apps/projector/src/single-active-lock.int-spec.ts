import { acquireProjectorLock } from './single-active-lock';

// Advisory locks live on the PostgreSQL server only (PGlite shares one session among connections).
const serverUrl = process.env.DATABASE_URL;
const onServer = serverUrl ? describe : describe.skip;

onServer('the projector lock on the PostgreSQL server', () => {
  it('lets one projector hold it while another stands by, then hands it over', async () => {
    const lines: string[] = [];
    const first = await acquireProjectorLock(serverUrl as string, (line) => lines.push(line), 20);
    let secondHeld = false;
    const second = acquireProjectorLock(serverUrl as string, (line) => lines.push(line), 20).then((lock) => {
      secondHeld = true;
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(secondHeld).toBe(false);
    expect(lines).toContain('projector: another projector holds the lock; standing by');

    await first.release();
    const held = await second;
    expect(secondHeld).toBe(true);
    await held.release();
  });

  it('gives up waiting when told to stop', async () => {
    const first = await acquireProjectorLock(serverUrl as string, () => undefined, 20);
    const stopping = new AbortController();
    const waiting = acquireProjectorLock(serverUrl as string, () => undefined, 20, stopping.signal);
    stopping.abort();
    await expect(waiting).rejects.toThrow('stopped while waiting');
    await first.release();
  });
});
